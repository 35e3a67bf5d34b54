import { CerthubError } from '@certhub/contracts';
import { readCertificateBlocks } from './certificate-blocks';
import type { ParsedCertificate } from './parsed-certificate';

export interface CertificateFieldContent {
  readonly leaf: ParsedCertificate;
  /** Further certificates pasted after the leaf (a fullchain.pem): they are chain candidates. */
  readonly followers: ParsedCertificate[];
}

/** The certificate field: the first block is the server certificate, any further ones belong to the chain. */
export function readCertificateField(text: string): CertificateFieldContent {
  const [leaf, ...followers] = readCertificateBlocks(text, { code: 'CERT_PARSE_FAILED', name: 'certificate' });
  if (leaf === undefined) throw new CerthubError('CERT_PARSE_FAILED', 'The certificate field holds no PEM block.');
  return { leaf, followers };
}
