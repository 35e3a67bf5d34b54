import { runOpenssl } from './openssl-cli';

/** What `openssl x509` prints about a certificate, in the shapes the parser's metadata uses. */
export interface OpensslCertificateView {
  readonly version: number;
  /** As printed: upper-case hex. */
  readonly serial: string;
  /** Lower-case hex without colons. */
  readonly fingerprintSha256: string;
  /** `-nameopt RFC2253` text. */
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly signatureAlgorithm: string;
  /** From "Public-Key: (n bit)". */
  readonly publicKeyBits: number;
  /** From "NIST CURVE: P-256" for EC keys on NIST curves, else null. */
  readonly curve: string | null;
  readonly isCa: boolean;
  /** The SAN line split into its entries, e.g. ["DNS:a.example", "IP Address:10.0.0.1"]. */
  readonly subjectAltNames: readonly string[];
}

export function opensslView(certificatePem: string): OpensslCertificateView {
  const fields = runOpenssl(
    ['x509', '-noout', '-serial', '-fingerprint', '-sha256', '-subject', '-issuer', '-startdate', '-enddate', '-nameopt', 'RFC2253'],
    certificatePem,
  );
  // Not trimmed: a value may end in an escaped space (`O=\ `).
  const field = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(fields)?.[1] ?? '';
  const text = runOpenssl(['x509', '-noout', '-text'], certificatePem);
  const sanLine = /X509v3 Subject Alternative Name:.*\n\s*(.*)/.exec(text)?.[1].trim();
  return {
    version: Number(/Version: (\d+)/.exec(text)?.[1]),
    serial: field('serial'),
    fingerprintSha256: field('sha256 Fingerprint').replace(/:/g, '').toLowerCase(),
    subject: field('subject'),
    issuer: field('issuer'),
    notBefore: new Date(field('notBefore')),
    notAfter: new Date(field('notAfter')),
    signatureAlgorithm: /Signature Algorithm: (\S+)/.exec(text)?.[1] ?? '',
    publicKeyBits: Number(/Public-Key: \((\d+) bit\)/.exec(text)?.[1]),
    curve: /NIST CURVE: (\S+)/.exec(text)?.[1] ?? null,
    isCa: /CA:TRUE/.test(text),
    subjectAltNames: sanLine ? sanLine.split(', ') : [],
  };
}
