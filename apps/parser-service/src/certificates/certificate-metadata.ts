import type { CertificateMetadata, ChainEntryMetadata } from '@certhub/contracts';
import { isCertificateAuthority } from './certificate-extensions';
import { isoSeconds, serialNumberDecimal, serialNumberHex } from './certificate-identity';
import { sameName } from './distinguished-name';
import type { ParsedCertificate } from './parsed-certificate';
import { signatureAlgorithmName } from './signature-algorithm-names';
import { readRsaPssParameters } from './rsa-pss-parameters';
import { readSubjectAltNames } from './subject-alt-names';
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
