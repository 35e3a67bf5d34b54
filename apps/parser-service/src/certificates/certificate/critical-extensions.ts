import type { ParsedCertificate } from './parsed-certificate';

/**
 * The extensions OpenSSL processes (X509_supported_extension), by OID: RFC 5280 §4.2 has a client refuse a
 * certificate carrying a critical extension it does not recognise, and OpenSSL-based clients (nginx upstreams,
 * curl, Python) do exactly that with "unhandled critical extension". certhub refuses what they would refuse.
 */
const PROCESSED_EXTENSIONS: ReadonlySet<string> = new Set([
  '2.16.840.1.113730.1.1', // Netscape certificate type
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.32', // certificatePolicies
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.37', // extKeyUsage
  '1.3.6.1.5.5.7.1.7', // RFC 3779 IP address blocks
  '1.3.6.1.5.5.7.1.8', // RFC 3779 AS identifiers
  '1.3.6.1.5.5.7.48.1.5', // OCSP no-check
  '2.5.29.36', // policyConstraints
  '1.3.6.1.5.5.7.1.14', // proxyCertInfo
  '2.5.29.30', // nameConstraints
  '2.5.29.33', // policyMappings
  '2.5.29.54', // inhibitAnyPolicy
]);

/** RFC 6962 §3.1: the poison extension marks a precertificate, logged before the real certificate is issued. */
const CT_PRECERTIFICATE_POISON = '1.3.6.1.4.1.11129.2.4.3';

export function isPrecertificate(cert: ParsedCertificate): boolean {
  return (cert.structure.tbsCertificate.extensions ?? []).some((extension) => extension.extnID === CT_PRECERTIFICATE_POISON);
}

/** The OID of the first critical extension clients would not process, or null. */
export function unhandledCriticalExtension(cert: ParsedCertificate): string | null {
  const extensions = cert.structure.tbsCertificate.extensions ?? [];
  return extensions.find((extension) => extension.critical && !PROCESSED_EXTENSIONS.has(extension.extnID))?.extnID ?? null;
}

/** Why clients refuse the certificate for its extensions, as a sentence part naming it as `who`; null when they accept it. */
export function criticalExtensionProblem(cert: ParsedCertificate, who: string): string | null {
  const oid = unhandledCriticalExtension(cert);
  return oid === null ? null : `${who} marks extension ${oid} as critical, and TLS clients refuse a certificate with a critical extension they do not process`;
}
