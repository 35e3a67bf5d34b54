import { readDerElement } from './der-reader';
import type { ParsedCertificate } from './parsed-certificate';

export const SUBJECT_ALT_NAME = '2.5.29.17';
const BASIC_CONSTRAINTS = '2.5.29.19';

/**
 * The raw value of one extension, read from the already-decoded tree. The library's own `extensions` getter
 * would re-encode and re-parse every extension of the certificate to hand us two of them.
 */
export function extensionValue(cert: ParsedCertificate, oid: string): Uint8Array | null {
  const extension = cert.structure.tbsCertificate.extensions?.find((candidate) => candidate.extnID === oid);
  return extension ? new Uint8Array(extension.extnValue.buffer) : null;
}

/** basicConstraints cA, from BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLen INTEGER OPTIONAL }. */
export function isCertificateAuthority(cert: ParsedCertificate): boolean {
  const value = extensionValue(cert, BASIC_CONSTRAINTS);
  const sequence = value ? readDerElement(value) : null;
  if (!sequence || sequence.tag !== 0x30) return false;
  const first = readDerElement(sequence.content);
  return first !== null && first.tag === 0x01 && first.content.length === 1 && first.content[0] !== 0;
}
