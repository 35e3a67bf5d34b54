import type { CertificateMetadata, RsaPssParameters } from '@certhub/contracts';

const RSASSA_PSS = '1.2.840.113549.1.1.10';

/**
 * APIG is written in Go and prints crypto/x509's SignatureAlgorithm.String() ("SHA256-RSA", "ECDSA-SHA384",
 * "Ed25519" …). These are the OIDs Go knows (signatureAlgorithmDetails in crypto/x509/x509.go).
 */
const GO_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'MD2-RSA',
  '1.2.840.113549.1.1.4': 'MD5-RSA',
  '1.2.840.113549.1.1.5': 'SHA1-RSA',
  '1.3.14.3.2.29': 'SHA1-RSA',
  '1.2.840.113549.1.1.11': 'SHA256-RSA',
  '1.2.840.113549.1.1.12': 'SHA384-RSA',
  '1.2.840.113549.1.1.13': 'SHA512-RSA',
  '1.2.840.10040.4.3': 'DSA-SHA1',
  '2.16.840.1.101.3.4.3.2': 'DSA-SHA256',
  '1.2.840.10045.4.1': 'ECDSA-SHA1',
  '1.2.840.10045.4.3.2': 'ECDSA-SHA256',
  '1.2.840.10045.4.3.3': 'ECDSA-SHA384',
  '1.2.840.10045.4.3.4': 'ECDSA-SHA512',
  '1.3.101.112': 'Ed25519',
};

/** The PSS combinations Go names: MGF1 with the message hash, a salt as long as the hash, trailer 1. */
const GO_PSS_NAMES: Readonly<Record<string, { name: string; saltLength: number }>> = {
  '2.16.840.1.101.3.4.2.1': { name: 'SHA256-RSAPSS', saltLength: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA384-RSAPSS', saltLength: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA512-RSAPSS', saltLength: 64 },
};

/**
 * The certificate's signature algorithm in Go's form, from the parser's metadata. Where Go has no name
 * (SHA-224, SHA-3, RSA-PSS with other parameters) it would print the number 0; certhub prints OpenSSL's name
 * instead, which says what the algorithm is.
 */
export function goSignatureAlgorithm(metadata: CertificateMetadata): string {
  const name = metadata.signatureAlgorithmOid === RSASSA_PSS ? goPssName(metadata.rsaPssParameters) : GO_NAMES[metadata.signatureAlgorithmOid];
  return name ?? metadata.signatureAlgorithm;
}

/** crypto/x509 getSignatureAlgorithmFromAI: only the three combinations above have a name. */
function goPssName(parameters: RsaPssParameters | null | undefined): string | undefined {
  if (!parameters || parameters.mgf1HashOid !== parameters.hashOid || parameters.trailerField !== 1) return undefined;
  const known = GO_PSS_NAMES[parameters.hashOid];
  return known && parameters.saltLength === known.saltLength ? known.name : undefined;
}
