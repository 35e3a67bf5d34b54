import { CerthubError } from '@certhub/contracts';
import type { ParsedCertificate } from '../certificate/parsed-certificate';
import { sameName } from '../names/distinguished-name';

/** Real chains hold two to four certificates; the cap keeps parsing and the order search cheap on hostile input. */
export const MAX_CHAIN_LENGTH = 16;

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

/**
 * The chain as clients verify it when a trusted root is given. A CA's bundle often ends with a cross-signed
 * copy of that root (the same name and key, issued by an older root: USERTrust by AddTrust, ISRG Root X1 by
 * DST): path-building clients stop at the trusted root as soon as they reach its name and key, so that copy
 * takes no part in the verification, whatever its issuer or its dates. It is still stored as uploaded.
 */
export function pathBelowRoot(chain: readonly ParsedCertificate[], root: ParsedCertificate | null): readonly ParsedCertificate[] {
  const last = chain.at(-1);
  const copyOfRoot = root !== null && last !== undefined && sameName(last.subjectDn, root.subjectDn) && Buffer.from(last.publicKey.rawData).equals(Buffer.from(root.publicKey.rawData));
  return copyOfRoot ? chain.slice(0, -1) : chain;
}

/**
 * A certificate issued by a CA, uploaded without any issuer: accepted (some deployments add the chain
 * themselves), with a warning, because clients that lack the intermediate will refuse the server.
 */
export function missingIssuerWarning(leaf: ParsedCertificate, chain: readonly ParsedCertificate[], root: ParsedCertificate | null): string | null {
  if (chain.length > 0 || root !== null || sameName(leaf.issuerDn, leaf.subjectDn)) return null;
  return `The certificate was issued by "${leaf.issuerDn.text}", but no issuer certificate was uploaded: add your CA's intermediate certificate(s) in \`chain\`, the issuer first.`;
}
