import { X509Certificate } from 'node:crypto';
import { derChildren, derElement, derSmallInteger, type DerElement } from './der-elements';

/** DER contents of the OIDs involved (hex), compared as bytes so no OID decoder is needed. */
const MGF1 = '2a864886f70d010108';
const PSS_NAMES: Readonly<Record<string, { name: string; saltLength: number }>> = {
  '608648016503040201': { name: 'SHA256-RSAPSS', saltLength: 32 },
  '608648016503040202': { name: 'SHA384-RSAPSS', saltLength: 48 },
  '608648016503040203': { name: 'SHA512-RSAPSS', saltLength: 64 },
};

/**
 * Go names RSASSA-PSS signatures after their parameters, and only the three combinations it supports (MGF1 with
 * the message hash, salt as long as the hash, trailer 1: crypto/x509 getSignatureAlgorithmFromAI). Returns null
 * for anything else, which Go reports as an unknown algorithm.
 */
export function rsaPssName(certificatePem: string): string | null {
  const parameters = signatureParameters(certificatePem);
  const fields = parameters?.tag === 0x30 ? derChildren(parameters.content) : null;
  if (!fields || fields.length < 3 || fields.length > 4) return null;
  const explicit = fields.map(explicitContent);
  if (explicit.includes(undefined)) return null;
  const [hash, mgf, salt, trailer] = explicit;
  const hashOid = algorithmOid(hash);
  const mgfParts = mgf?.tag === 0x30 ? derChildren(mgf.content) : null;
  if (hashOid === null || mgfParts?.length !== 2 || oidHex(mgfParts[0]) !== MGF1 || algorithmOid(mgfParts[1]) !== hashOid) return null;
  if (trailer !== undefined && derSmallInteger(trailer) !== 1) return null;
  const known = PSS_NAMES[hashOid];
  return known && derSmallInteger(salt) === known.saltLength ? known.name : null;
}

/** The parameters of the certificate's outer signatureAlgorithm (Certificate ::= SEQUENCE {tbs, algorithm, signature}). */
function signatureParameters(certificatePem: string): DerElement | null {
  let der: Buffer;
  try {
    der = new X509Certificate(certificatePem).raw;
  } catch {
    return null;
  }
  const certificate = derElement(der);
  const parts = certificate?.tag === 0x30 ? derChildren(certificate.content) : null;
  const algorithm = parts?.[1]?.tag === 0x30 ? derChildren(parts[1].content) : null;
  return algorithm?.[1] ?? null;
}

/** [0] hashAlgorithm, [1] maskGenAlgorithm … are EXPLICIT: one element inside a context tag, in order. */
function explicitContent(field: DerElement, index: number): DerElement | undefined {
  if (field.tag !== 0xa0 + index) return undefined;
  const inner = derChildren(field.content);
  return inner?.length === 1 ? inner[0] : undefined;
}

/** An AlgorithmIdentifier's OID when its parameters are absent or NULL (Go refuses anything else here). */
function algorithmOid(identifier: DerElement | undefined): string | null {
  const parts = identifier?.tag === 0x30 ? derChildren(identifier.content) : null;
  if (!parts || parts.length < 1 || parts.length > 2) return null;
  if (parts.length === 2 && (parts[1].tag !== 0x05 || parts[1].content.length !== 0)) return null;
  return oidHex(parts[0]);
}

function oidHex(element: DerElement | undefined): string | null {
  return element?.tag === 0x06 ? element.content.toString('hex') : null;
}
