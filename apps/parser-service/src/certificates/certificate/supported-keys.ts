import { CerthubError, type PublicKeyInfo } from '@certhub/contracts';
import type { CertificateStructure } from '../asn1/certificate-structure';
import { readDerElement } from '../asn1/der-reader';

type SubjectPublicKeyInfo = CertificateStructure['tbsCertificate']['subjectPublicKeyInfo'];

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ED25519 = '1.3.101.112';
const RSA_BITS = { min: 2048, max: 4096 };

/** Supported curves, keyed by the hex DER of their namedCurve OID (the SPKI algorithm parameters). */
const SUPPORTED_CURVES: Readonly<Record<string, { curve: string; size: number }>> = {
  '06082a8648ce3d030107': { curve: 'P-256', size: 256 },
  '06052b81040022': { curve: 'P-384', size: 384 },
};

/** Names for keys users actually try, so the refusal says what they uploaded. */
const UNSUPPORTED_CURVE_NAMES: Readonly<Record<string, string>> = {
  '06052b81040023': 'P-521',
  '06052b81040021': 'P-224',
  '06082a8648ce3d030101': 'P-192',
  '06052b8104000a': 'secp256k1',
  '06092b2403030208010107': 'brainpoolP256r1',
  '06092b240303020801010b': 'brainpoolP384r1',
  '06092b240303020801010d': 'brainpoolP512r1',
  '06082a811ccf5501822d': 'SM2',
};
const UNSUPPORTED_KEY_NAMES: Readonly<Record<string, string>> = {
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10046.2.1': 'DH',
};

export const SUPPORTED_KEYS_TEXT = 'RSA 2048 to 4096 bits, EC P-256 or P-384, or Ed25519';

/**
 * Classifies the certificate's public key from the SubjectPublicKeyInfo OIDs rather than through WebCrypto, which
 * cannot even import some of the keys we must name in the refusal (DSA, Ed448, brainpool curves).
 */
export function describeSupportedKey(spki: SubjectPublicKeyInfo): PublicKeyInfo {
  const oid = spki.algorithm.algorithm;
  if (oid === ED25519) return { type: 'Ed25519', size: 256 };
  if (oid === EC_PUBLIC_KEY) {
    const parameters = Buffer.from(spki.algorithm.parameters ?? new ArrayBuffer(0)).toString('hex');
    const supported = SUPPORTED_CURVES[parameters];
    if (supported) return { type: 'EC', size: supported.size, curve: supported.curve };
    throw unsupported(`EC on curve ${UNSUPPORTED_CURVE_NAMES[parameters] ?? 'with unrecognised parameters'}`);
  }
  if (oid === RSA_ENCRYPTION) {
    const bits = rsaModulusBits(new Uint8Array(spki.subjectPublicKey));
    if (bits >= RSA_BITS.min && bits <= RSA_BITS.max) return { type: 'RSA', size: bits };
    throw unsupported(bits > 0 ? `RSA ${bits}-bit` : 'RSA with an unreadable modulus');
  }
  throw unsupported(UNSUPPORTED_KEY_NAMES[oid] ?? `algorithm ${oid}`);
}

/** Exact modulus size (like OpenSSL's "Public-Key: (n bit)"), from RSAPublicKey ::= SEQUENCE { modulus INTEGER, … }. */
function rsaModulusBits(rsaPublicKey: Uint8Array): number {
  const sequence = readDerElement(rsaPublicKey);
  const modulus = sequence?.tag === 0x30 ? readDerElement(sequence.content) : null;
  if (!modulus || modulus.tag !== 0x02) return 0;
  const bytes = modulus.content;
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(bytes[start]));
}

function unsupported(found: string): CerthubError {
  return new CerthubError('CERT_UNSUPPORTED_KEY', `The certificate's public key (${found}) is not supported; use ${SUPPORTED_KEYS_TEXT}.`);
}
