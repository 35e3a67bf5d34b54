/** How node:crypto checks a signature of this algorithm: the issuer key type it needs and the digest (null for EdDSA). */
export interface NodeVerification {
  readonly keyType: 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'dsa';
  readonly digest: string | null;
}

export interface SignatureAlgorithmName {
  /** OpenSSL's long name, as `openssl x509 -text` prints it after "Signature Algorithm:". */
  readonly name: string;
  /** Absent when the algorithm carries parameters node:crypto cannot take from an OID alone (RSA-PSS). */
  readonly node?: NodeVerification;
}

const rsa = (name: string, digest: string): SignatureAlgorithmName => ({ name, node: { keyType: 'rsa', digest } });
const ecdsa = (name: string, digest: string): SignatureAlgorithmName => ({ name, node: { keyType: 'ec', digest } });
const dsa = (name: string, digest: string): SignatureAlgorithmName => ({ name, node: { keyType: 'dsa', digest } });

const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithmName>> = {
  '1.2.840.113549.1.1.4': rsa('md5WithRSAEncryption', 'md5'),
  '1.2.840.113549.1.1.5': rsa('sha1WithRSAEncryption', 'sha1'),
  '1.2.840.113549.1.1.14': rsa('sha224WithRSAEncryption', 'sha224'),
  '1.2.840.113549.1.1.11': rsa('sha256WithRSAEncryption', 'sha256'),
  '1.2.840.113549.1.1.12': rsa('sha384WithRSAEncryption', 'sha384'),
  '1.2.840.113549.1.1.13': rsa('sha512WithRSAEncryption', 'sha512'),
  '1.2.840.113549.1.1.10': { name: 'rsassaPss' },
  '2.16.840.1.101.3.4.3.14': rsa('RSA-SHA3-256', 'sha3-256'),
  '2.16.840.1.101.3.4.3.15': rsa('RSA-SHA3-384', 'sha3-384'),
  '2.16.840.1.101.3.4.3.16': rsa('RSA-SHA3-512', 'sha3-512'),
  '1.2.840.10045.4.1': ecdsa('ecdsa-with-SHA1', 'sha1'),
  '1.2.840.10045.4.3.1': ecdsa('ecdsa-with-SHA224', 'sha224'),
  '1.2.840.10045.4.3.2': ecdsa('ecdsa-with-SHA256', 'sha256'),
  '1.2.840.10045.4.3.3': ecdsa('ecdsa-with-SHA384', 'sha384'),
  '1.2.840.10045.4.3.4': ecdsa('ecdsa-with-SHA512', 'sha512'),
  '2.16.840.1.101.3.4.3.10': ecdsa('ecdsa_with_SHA3-256', 'sha3-256'),
  '2.16.840.1.101.3.4.3.11': ecdsa('ecdsa_with_SHA3-384', 'sha3-384'),
  '2.16.840.1.101.3.4.3.12': ecdsa('ecdsa_with_SHA3-512', 'sha3-512'),
  '1.3.101.112': { name: 'ED25519', node: { keyType: 'ed25519', digest: null } },
  '1.3.101.113': { name: 'ED448', node: { keyType: 'ed448', digest: null } },
  '1.2.840.10040.4.3': dsa('dsaWithSHA1', 'sha1'),
  '2.16.840.1.101.3.4.3.1': dsa('dsa_with_SHA224', 'sha224'),
  '2.16.840.1.101.3.4.3.2': dsa('dsa_with_SHA256', 'sha256'),
  '1.2.156.10197.1.501': { name: 'SM2-with-SM3' },
};

/** The algorithm for an OID; unknown OIDs are named by the OID itself, as OpenSSL prints them. */
export function signatureAlgorithmName(oid: string): SignatureAlgorithmName {
  return SIGNATURE_ALGORITHMS[oid] ?? { name: oid };
}

export const KNOWN_SIGNATURE_ALGORITHM_OIDS = Object.keys(SIGNATURE_ALGORITHMS);
