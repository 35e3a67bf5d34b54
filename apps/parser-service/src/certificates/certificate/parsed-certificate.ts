import type { DistinguishedName } from '@certhub/contracts';
import { createHash } from 'node:crypto';
import type { CertificateStructure } from '../asn1/certificate-structure';
import { readDerElement } from '../asn1/der-reader';
import { describeName } from '../names/distinguished-name';
import { x509 } from './x509-runtime';

/**
 * A certificate decoded once by @peculiar/x509, the parser of record. Subclassing exposes the ASN.1 tree the
 * library already built (it keeps it protected), so metadata never needs a second parse, and memoises the views
 * that chain checks ask for repeatedly.
 */
export class ParsedCertificate extends x509.X509Certificate {
  #subjectDn: DistinguishedName | undefined;
  #issuerDn: DistinguishedName | undefined;
  #fingerprint: string | undefined;

  constructor(readonly der: Buffer) {
    super(der);
  }

  get structure(): CertificateStructure {
    return this.asn;
  }

  get subjectDn(): DistinguishedName {
    return (this.#subjectDn ??= describeName(this.asn.tbsCertificate.subject));
  }

  get issuerDn(): DistinguishedName {
    return (this.#issuerDn ??= describeName(this.asn.tbsCertificate.issuer));
  }

  /** SHA-256 over the DER as uploaded, lower-case hex, as `openssl x509 -fingerprint -sha256` (minus colons). */
  get fingerprintSha256(): string {
    return (this.#fingerprint ??= createHash('sha256').update(this.der).digest('hex'));
  }
}

/**
 * Parses one DER certificate. The library ignores bytes after the outer SEQUENCE, which would make the stored
 * PEM and its fingerprint disagree with what OpenSSL reads, so the outer length must cover the input exactly.
 */
export function parseCertificateDer(der: Buffer): ParsedCertificate {
  const outer = readDerElement(der);
  if (outer === null || outer.tag !== 0x30 || outer.end !== der.length) {
    throw new Error('not a single DER SEQUENCE');
  }
  return new ParsedCertificate(der);
}
