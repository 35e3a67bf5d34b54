import { CerthubError } from '@certhub/contracts';
import type { ParsedCertificate } from '../certificate/parsed-certificate';
import { sameName } from '../names/distinguished-name';
import { isSignedBy } from './issued-by';

type LinkProblem = 'names' | 'signature' | null;

/** Bounds the order search on hostile uploads (many certificates with one subject); real chains need a few steps. */
const ORDER_SEARCH_BUDGET = 2_000;

/**
 * Checks that the leaf is signed by chain[0], chain[i] by chain[i+1] and the last one by the trusted root when
 * there is one. On the first broken link, looks for an order of the same certificates that would verify, so a
 * merely shuffled chain is reported as such (CHAIN_ORDER_INVALID) rather than as broken.
 */
export async function verifyChain(leaf: ParsedCertificate, chain: readonly ParsedCertificate[], root: ParsedCertificate | null): Promise<void> {
  const path = [leaf, ...chain, ...(root ? [root] : [])];
  const links = new LinkChecker();
  for (let index = 0; index + 1 < path.length; index++) {
    const problem = await links.check(path[index], path[index + 1]);
    if (problem === null) continue;
    const order = chain.length > 1 ? await findWorkingOrder(leaf, chain, root, links) : null;
    if (order) throw orderInvalid(order);
    throw broken(problem, path, index, root !== null);
  }
}

/** Memoises link checks: the order search revisits pairs, and a signature check is the expensive part. */
class LinkChecker {
  private readonly results = new Map<ParsedCertificate, Map<ParsedCertificate, Promise<LinkProblem>>>();

  check(child: ParsedCertificate, issuer: ParsedCertificate): Promise<LinkProblem> {
    const byIssuer = this.results.get(child) ?? new Map<ParsedCertificate, Promise<LinkProblem>>();
    this.results.set(child, byIssuer);
    let result = byIssuer.get(issuer);
    if (result === undefined) {
      result = sameName(child.issuerDn, issuer.subjectDn) ? isSignedBy(child, issuer).then((ok) => (ok ? null : 'signature')) : Promise.resolve('names');
      byIssuer.set(issuer, result);
    }
    return result;
  }
}

/** Depth-first search for an order that uses every chain certificate and ends below the trusted root, if any. */
async function findWorkingOrder(leaf: ParsedCertificate, chain: readonly ParsedCertificate[], root: ParsedCertificate | null, links: LinkChecker): Promise<ParsedCertificate[] | null> {
  const order: ParsedCertificate[] = [];
  let steps = 0;
  const extend = async (current: ParsedCertificate): Promise<boolean> => {
    if (order.length === chain.length) return root === null || (await links.check(current, root)) === null;
    for (const next of chain) {
      if (order.includes(next) || ++steps > ORDER_SEARCH_BUDGET) continue;
      if ((await links.check(current, next)) !== null) continue;
      order.push(next);
      if (await extend(next)) return true;
      order.pop();
    }
    return false;
  };
  return (await extend(leaf)) ? order : null;
}

function orderInvalid(order: readonly ParsedCertificate[]): CerthubError {
  const expected = order.map((cert, index) => `${index + 1}. "${cert.subjectDn.text}"`).join(', ');
  return new CerthubError(
    'CHAIN_ORDER_INVALID',
    'The certificate chain is in the wrong order: the server certificate must come first, then its issuer, then that ' +
      `issuer's issuer, up to the root. Put the chain certificates in this order: ${expected}.`,
  );
}

function broken(problem: 'names' | 'signature', path: readonly ParsedCertificate[], index: number, hasRoot: boolean): CerthubError {
  const child = path[index];
  const issuer = path[index + 1];
  const childRole = index === 0 ? 'the server certificate' : `chain certificate ${index}`;
  const issuerRole = hasRoot && index + 2 === path.length ? 'the trusted root CA' : `chain certificate ${index + 1}`;
  const message =
    problem === 'names'
      ? `${childRole} "${child.subjectDn.text}" was issued by "${child.issuerDn.text}", but the next certificate, ${issuerRole}, is "${issuer.subjectDn.text}".`
      : `the signature of ${childRole} "${child.subjectDn.text}" does not verify with the key of ${issuerRole} "${issuer.subjectDn.text}", although the names match.`;
  return new CerthubError('CHAIN_BROKEN', `The certificate chain is broken: ${message}`);
}
