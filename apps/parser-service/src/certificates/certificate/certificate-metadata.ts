import type { CertificateMetadata, ChainEntryMetadata } from '@certhub/contracts';
import { sameName } from '../names/distinguished-name';
import { isCertificateAuthority, readSubjectAltNames } from './certificate-extensions';
import type { ParsedCertificate } from './parsed-certificate';
import { signatureAlgorithmName } from './signature-algorithm-names';
import { readRsaPssParameters } from './rsa-pss-parameters';
import { describeSupportedKey } from './supported-keys';

/** Everything the contract records about the server certificate; refuses keys we cannot serve (CERT_UNSUPPORTED_KEY). */
export function describeCertificate(cert: ParsedCertificate): CertificateMetadata {
  const tbs = cert.structure.tbsCertificate;
  const signatureAlgorithmOid = cert.structure.signatureAlgorithm.algorithm;
  const serialHex = serialNumberHex(cert);
  return {
    version: tbs.version + 1,
    serialNumberHex: serialHex,
    serialNumberDecimal: serialNumberDecimal(serialHex),
    subject: cert.subjectDn,
    issuer: cert.issuerDn,
    commonName: cert.subjectDn.commonName[0] ?? null,
    subjectAltNames: readSubjectAltNames(cert),
    signatureAlgorithmOid,
    signatureAlgorithm: signatureAlgorithmName(signatureAlgorithmOid).name,
    ...pssParameters(cert),
    notBefore: isoSeconds(cert.notBefore),
    notAfter: isoSeconds(cert.notAfter),
    fingerprintSha256: cert.fingerprintSha256,
    publicKey: describeSupportedKey(tbs.subjectPublicKeyInfo),
    isCa: isCertificateAuthority(cert),
    selfIssued: sameName(cert.subjectDn, cert.issuerDn),
  };
}

/** Only on PSS-signed certificates: every other metadata document stays as it was. */
function pssParameters(cert: ParsedCertificate): { rsaPssParameters?: CertificateMetadata['rsaPssParameters'] } {
  const parameters = readRsaPssParameters(cert);
  return parameters === undefined ? {} : { rsaPssParameters: parameters };
}

export function describeChainEntry(cert: ParsedCertificate): ChainEntryMetadata {
  return {
    subject: cert.subjectDn.text,
    issuer: cert.issuerDn.text,
    serialNumberHex: serialNumberHex(cert),
    notBefore: isoSeconds(cert.notBefore),
    notAfter: isoSeconds(cert.notAfter),
    fingerprintSha256: cert.fingerprintSha256,
  };
}

/**
 * The serial as OpenSSL prints it, lower-cased: whole bytes, without the leading zero byte DER adds to keep a
 * positive INTEGER positive. A zero serial stays "00". RFC 5280 §4.1.2.2 asks for positive serials but has
 * users handle negative ones gracefully; some CAs issued them, and OpenSSL prints them with a minus sign
 * ("-05"), so that is what is recorded rather than the bytes read as a large positive number.
 */
function serialNumberHex(cert: ParsedCertificate): string {
  const bytes = new Uint8Array(cert.structure.tbsCertificate.serialNumber);
  if (bytes.length > 0 && bytes[0] >= 0x80) return `-${evenHex(-twosComplement(bytes))}`;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return Buffer.from(bytes.subarray(start)).toString('hex') || '00';
}

function twosComplement(bytes: Uint8Array): bigint {
  const unsigned = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  return unsigned - (1n << BigInt(bytes.length * 8));
}

function evenHex(value: bigint): string {
  const hex = value.toString(16);
  return hex.length % 2 === 0 ? hex : `0${hex}`;
}

/** Decimal form of the same serial, as some cloud consoles show it. */
function serialNumberDecimal(hex: string): string {
  return hex.startsWith('-') ? `-${BigInt(`0x${hex.slice(1)}`).toString(10)}` : BigInt(`0x${hex}`).toString(10);
}

/** ISO 8601 in UTC to the second: certificate times have no fractions, so `.000` would only be noise. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
