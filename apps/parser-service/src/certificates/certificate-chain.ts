import { CerthubError } from '@certhub/contracts';
import { readCertificateBlocks, type CertificateField } from './certificate-blocks';
import type { ParsedCertificate } from './parsed-certificate';

const CHAIN_FIELD: CertificateField = { code: 'CHAIN_PARSE_FAILED', name: 'certificate chain' };
const ROOT_FIELD: CertificateField = { code: 'CHAIN_PARSE_FAILED', name: 'trusted root CA' };

/** Real chains hold two to four certificates; the cap keeps parsing and the order search cheap on hostile input. */
export const MAX_CHAIN_LENGTH = 16;

export function readChainField(text: string | undefined): ParsedCertificate[] {
  return text ? readCertificateBlocks(text, CHAIN_FIELD) : [];
}

/** The optional trusted root: empty means none, more than one certificate is refused. */
export function readTrustedRootField(text: string | undefined): ParsedCertificate | null {
  const roots = text ? readCertificateBlocks(text, ROOT_FIELD) : [];
  if (roots.length > 1) {
    throw new CerthubError('CHAIN_PARSE_FAILED', `The trusted root CA field holds ${roots.length} certificates; upload exactly one.`);
  }
  return roots[0] ?? null;
}

/**
 * The intermediates to store, in upload order. Exact copies are dropped rather than refused, because they come
 * from harmless pasting habits: the leaf repeated at the head of the chain field (fullchain.pem pasted twice), an
 * intermediate present both after the leaf and in the chain field, or the trusted root repeated at the end.
 */
export function assembleChain(leaf: ParsedCertificate, candidates: readonly ParsedCertificate[], root: ParsedCertificate | null): ParsedCertificate[] {
  const seen = new Set([leaf.fingerprintSha256, ...(root ? [root.fingerprintSha256] : [])]);
  const chain = candidates.filter((cert) => {
    if (seen.has(cert.fingerprintSha256)) return false;
    seen.add(cert.fingerprintSha256);
    return true;
  });
  if (chain.length > MAX_CHAIN_LENGTH) {
    throw new CerthubError('CHAIN_PARSE_FAILED', `The certificate chain holds ${chain.length} certificates; at most ${MAX_CHAIN_LENGTH} are accepted.`);
  }
  return chain;
}
