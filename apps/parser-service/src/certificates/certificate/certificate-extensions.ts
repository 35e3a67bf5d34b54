import type { SubjectAltNames } from '@certhub/contracts';
import { readDerElement } from '../asn1/der-reader';
import type { ParsedCertificate } from './parsed-certificate';
import { x509 } from './x509-runtime';

const SUBJECT_ALT_NAME = '2.5.29.17';
const BASIC_CONSTRAINTS = '2.5.29.19';

/** DNS names, IP addresses, e-mail addresses and URIs; other name forms (otherName, directoryName …) are skipped. */
export function readSubjectAltNames(cert: ParsedCertificate): SubjectAltNames {
  const value = extensionValue(cert, SUBJECT_ALT_NAME);
  const names: { dns: string[]; ip: string[]; email: string[]; uri: string[] } = { dns: [], ip: [], email: [], uri: [] };
  if (value === null) return names;
  // GeneralNames drops the forms it cannot render as text instead of failing on them.
  for (const name of new x509.GeneralNames(value).items) {
    if (name.type === 'dns') names.dns.push(name.value);
    else if (name.type === 'ip') names.ip.push(opensslIpText(name.value));
    else if (name.type === 'email') names.email.push(name.value);
    else if (name.type === 'url') names.uri.push(name.value);
  }
  return names;
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
 * The raw value of one extension, read from the already-decoded tree. The library's own `extensions` getter
 * would re-encode and re-parse every extension of the certificate to hand us two of them.
 */
function extensionValue(cert: ParsedCertificate, oid: string): Uint8Array | null {
  const extension = cert.structure.tbsCertificate.extensions?.find((candidate) => candidate.extnID === oid);
  return extension ? new Uint8Array(extension.extnValue.buffer) : null;
}
