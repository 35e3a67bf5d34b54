import { CerthubError, type SubjectAltNames } from '@certhub/contracts';
import { readDerElement } from '../asn1/der-reader';
import type { ParsedCertificate } from './parsed-certificate';
import { x509 } from './x509-runtime';

const SUBJECT_ALT_NAME = '2.5.29.17';
const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';
/** keyCertSign is bit 5 of KeyUsage: in the first content byte after the unused-bits count, 0x80 >> 5. */
const KEY_CERT_SIGN = 0x04;

/** DNS names, IP addresses, e-mail addresses and URIs; other name forms (otherName, directoryName …) are skipped. */
export function readSubjectAltNames(cert: ParsedCertificate): SubjectAltNames {
  const value = extensionValue(cert, SUBJECT_ALT_NAME);
  const names: { dns: string[]; ip: string[]; email: string[]; uri: string[] } = { dns: [], ip: [], email: [], uri: [] };
  if (value === null) return names;
  assertIpAddressLengths(value);
  // GeneralNames drops the forms it cannot render as text instead of failing on them.
  for (const name of new x509.GeneralNames(value).items) {
    if (name.type === 'dns') names.dns.push(name.value);
    else if (name.type === 'ip') names.ip.push(opensslIpText(name.value));
    else if (name.type === 'email') names.email.push(name.value);
    else if (name.type === 'url') names.uri.push(name.value);
  }
  return names;
}

/** GeneralName iPAddress: [7] IMPLICIT OCTET STRING, primitive. */
const IP_ADDRESS_TAG = 0x87;

/**
 * In a subjectAltName an iPAddress is 4 bytes (IPv4) or 16 (IPv6); the 8- and 32-byte forms are address and
 * mask, valid only in name constraints (RFC 5280 §4.2.1.6, §4.2.1.10). Browsers refuse a certificate holding
 * any other length, and the library would render it as hex or as a network, so certhub refuses it too.
 */
function assertIpAddressLengths(generalNames: Uint8Array): void {
  const sequence = readDerElement(generalNames);
  if (!sequence || sequence.tag !== 0x30) return;
  for (let offset = 0; offset < sequence.content.length; ) {
    const name = readDerElement(sequence.content, offset);
    if (!name) return;
    if (name.tag === IP_ADDRESS_TAG && name.content.length !== 4 && name.content.length !== 16) {
      throw new CerthubError(
        'CERT_PARSE_FAILED',
        `The certificate's subjectAltName holds an IP address of ${name.content.length} bytes; an IP address there is 4 bytes (IPv4) or 16 (IPv6), and clients refuse the certificate. Ask your CA to reissue it.`,
      );
    }
    offset = name.end;
  }
}

/**
 * OpenSSL prints IPv6 addresses as eight upper-case groups without `::` compression (2001:DB8:0:0:0:0:0:1);
 * the library prints the compressed RFC 5952 form. Anything that is not plain IPv6 is left as the library wrote it.
 */
function opensslIpText(text: string): string {
  if (!text.includes(':') || text.includes('/')) return text;
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.map((group) => parseInt(group, 16).toString(16).toUpperCase()).join(':');
}

/** basicConstraints cA, from BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLen INTEGER OPTIONAL }. */
export function isCertificateAuthority(cert: ParsedCertificate): boolean {
  const value = extensionValue(cert, BASIC_CONSTRAINTS);
  const sequence = value ? readDerElement(value) : null;
  if (!sequence || sequence.tag !== 0x30) return false;
  const first = readDerElement(sequence.content);
  return first !== null && first.tag === 0x01 && first.content.length === 1 && first.content[0] !== 0;
}

/**
 * Why clients would not take this certificate as an issuer below their trust anchor, or null when they would.
 * OpenSSL's check_chain_extensions (RFC 5280 §4.2.1.9 and §4.2.1.3 as TLS clients apply them): a keyUsage
 * without keyCertSign rules it out, and basicConstraints must say CA:TRUE; a keyUsage alone, a v1 certificate
 * or a Netscape type does not make an intermediate a CA (error 79, "invalid CA certificate").
 */
export function whyNotAnIssuer(cert: ParsedCertificate): string | null {
  const keyUsage = extensionValue(cert, KEY_USAGE);
  if (keyUsage !== null && !allowsCertSign(keyUsage)) return 'its key usage does not allow signing certificates';
  if (extensionValue(cert, BASIC_CONSTRAINTS) === null) return 'it has no basic constraints marking it as a CA';
  return isCertificateAuthority(cert) ? null : 'its basic constraints say it is not a CA (CA:FALSE)';
}

/** basicConstraints pathLenConstraint: how many intermediate CAs may follow this one, or null without a limit. */
export function pathLengthLimit(cert: ParsedCertificate): number | null {
  const value = extensionValue(cert, BASIC_CONSTRAINTS);
  const sequence = value ? readDerElement(value) : null;
  if (!sequence || sequence.tag !== 0x30) return null;
  for (let offset = 0; offset < sequence.content.length; ) {
    const element = readDerElement(sequence.content, offset);
    if (!element) return null;
    // A non-negative INTEGER of a few bytes; anything else is no limit clients could apply either.
    if (element.tag === 0x02) return element.content.length > 0 && element.content.length <= 4 && element.content[0] < 0x80 ? element.content.reduce((n, byte) => n * 256 + byte, 0) : null;
    offset = element.end;
  }
  return null;
}

function allowsCertSign(keyUsage: Uint8Array): boolean {
  const bits = readDerElement(keyUsage);
  return bits !== null && bits.tag === 0x03 && bits.content.length >= 2 && (bits.content[1] & KEY_CERT_SIGN) !== 0;
}

/**
 * The raw value of one extension, read from the already-decoded tree. The library's own `extensions` getter
 * would re-encode and re-parse every extension of the certificate to hand us two of them.
 */
function extensionValue(cert: ParsedCertificate, oid: string): Uint8Array | null {
  const extension = cert.structure.tbsCertificate.extensions?.find((candidate) => candidate.extnID === oid);
  return extension ? new Uint8Array(extension.extnValue.buffer) : null;
}
