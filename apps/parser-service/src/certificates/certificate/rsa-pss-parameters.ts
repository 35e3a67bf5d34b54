import type { RsaPssParameters } from '@certhub/contracts';
import { readDerElement, type DerElement } from '../asn1/der-reader';
import type { ParsedCertificate } from './parsed-certificate';

const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';

/**
 * The RSASSA-PSS parameters (RFC 4055) the certificate was signed with, as encoded: undefined for any other
 * signature algorithm, null when they are not all there explicitly (hash, MGF1 with its hash, salt length)
 * or not well-formed. Readers such as Go's crypto/x509 name a PSS signature only from explicit parameters,
 * and the gateway's Huawei APIG answer prints that name; the gateway reads no DER itself.
 */
export function readRsaPssParameters(cert: ParsedCertificate): RsaPssParameters | null | undefined {
  const { algorithm, parameters } = cert.structure.signatureAlgorithm;
  if (algorithm !== RSASSA_PSS) return undefined;
  if (!parameters) return null;
  const sequence = readWhole(new Uint8Array(parameters));
  const fields = sequence?.tag === 0x30 ? children(sequence.content) : null;
  if (!fields || fields.length < 3 || fields.length > 4) return null;
  const [hash, mgf, salt, trailer] = fields.map(explicitContent);
  if (!hash || !mgf || !salt || (fields.length === 4 && !trailer)) return null;
  const hashOid = algorithmOid(hash);
  const mgfParts = mgf.tag === 0x30 ? children(mgf.content) : null;
  if (hashOid === null || mgfParts?.length !== 2 || oidOf(mgfParts[0]) !== MGF1) return null;
  const mgf1HashOid = algorithmOid(mgfParts[1]);
  const saltLength = smallInteger(salt);
  const trailerField = trailer ? smallInteger(trailer) : 1;
  if (mgf1HashOid === null || saltLength === null || trailerField === null) return null;
  return { hashOid, mgf1HashOid, saltLength, trailerField };
}

function readWhole(bytes: Uint8Array): DerElement | null {
  const element = readDerElement(bytes);
  return element && element.end === bytes.length ? element : null;
}

function children(content: Uint8Array): DerElement[] | null {
  const found: DerElement[] = [];
  for (let offset = 0; offset < content.length; ) {
    const element = readDerElement(content, offset);
    if (!element) return null;
    found.push(element);
    offset = element.end;
  }
  return found;
}

/** [0] hashAlgorithm, [1] maskGenAlgorithm … are EXPLICIT: one element inside a context tag, in order. */
function explicitContent(field: DerElement, index: number): DerElement | undefined {
  if (field.tag !== 0xa0 + index) return undefined;
  const inner = children(field.content);
  return inner?.length === 1 ? inner[0] : undefined;
}

/** An AlgorithmIdentifier's OID when its parameters are absent or NULL, as RFC 4055 has them for hashes. */
function algorithmOid(identifier: DerElement | undefined): string | null {
  const parts = identifier?.tag === 0x30 ? children(identifier.content) : null;
  if (!parts || parts.length < 1 || parts.length > 2) return null;
  if (parts.length === 2 && (parts[1].tag !== 0x05 || parts[1].content.length !== 0)) return null;
  return oidOf(parts[0]);
}

/** Dotted form of an OBJECT IDENTIFIER element, or null. */
function oidOf(element: DerElement | undefined): string | null {
  if (element?.tag !== 0x06 || element.content.length === 0) return null;
  const arcs: number[] = [];
  let value = 0;
  for (const byte of element.content) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) return null;
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  if (element.content[element.content.length - 1] & 0x80) return null;
  const first = arcs.shift() as number;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** A small non-negative INTEGER's value, or null. */
function smallInteger(element: DerElement): number | null {
  if (element.tag !== 0x02 || element.content.length === 0 || element.content.length > 4 || element.content[0] & 0x80) return null;
  return element.content.reduce((total, byte) => total * 256 + byte, 0);
}
