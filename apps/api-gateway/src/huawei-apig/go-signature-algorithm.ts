import type { CertificateMetadata } from '@certhub/contracts';
import { rsaPssName } from './rsa-pss-name';

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

/**
 * The certificate's signature algorithm in Go's form. Where Go has no name (SHA-224, SHA-3, RSA-PSS with other
 * parameters) it would print the number 0; certhub prints OpenSSL's name instead, which says what the algorithm is.
 */
export function goSignatureAlgorithm(metadata: CertificateMetadata, certificatePem: string): string {
  const name = metadata.signatureAlgorithmOid === RSASSA_PSS ? rsaPssName(certificatePem) : GO_NAMES[metadata.signatureAlgorithmOid];
  return name ?? metadata.signatureAlgorithm;
}
