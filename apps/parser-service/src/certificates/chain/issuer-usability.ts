import { CerthubError } from '@certhub/contracts';
import { pathLengthLimit, whyNotAnIssuer } from '../certificate/certificate-extensions';
import { isoSeconds } from '../certificate/certificate-metadata';
import { criticalExtensionProblem } from '../certificate/critical-extensions';
import type { ParsedCertificate } from '../certificate/parsed-certificate';
import { sameName } from '../names/distinguished-name';

/**
 * Signatures and names can link up while clients still refuse the chain: an issuer with a critical extension
 * they cannot process, one that is not a CA (OpenSSL's "invalid CA certificate", and every browser's
 * equivalent), one with more CAs below it than its path length allows, or one outside its validity period ("certificate has expired" at that depth). Either way the
 * server certificate would fail in every handshake through this chain, so the upload is refused rather than
 * stored. Runs once the order and signatures are known to be right.
 */
export function assertIssuersUsable(chain: readonly ParsedCertificate[], root: ParsedCertificate | null, now: Date): void {
  const issuers = [...chain.map((cert, index) => ({ cert, role: `chain certificate ${index + 1}` })), ...(root ? [{ cert: root, role: 'the trusted root CA' }] : [])];
  for (const [depth, { cert, role }] of issuers.entries()) {
    const named = `${role} "${cert.subjectDn.text}"`;
    const extensionProblem = criticalExtensionProblem(cert, named);
    if (extensionProblem) throw broken(extensionProblem);
    // A self-signed root ending the path is a trust anchor: trusted by configuration, not by its extensions
    // (RFC 5280 §6.1.1), so old roots without basicConstraints stay usable. One sent at the end of the chain
    // is ignored by clients, which take the root from their own store, so its dates do not matter either.
    const anchor = cert === (root ?? chain.at(-1)) && sameName(cert.subjectDn, cert.issuerDn);
    const notAnIssuer = anchor ? null : whyNotAnIssuer(cert);
    if (notAnIssuer) throw broken(`${named} cannot issue certificates: ${notAnIssuer}. Upload the CA certificates your CA gave you`);
    const tooLong = pathLengthProblem(cert, issuers.slice(0, depth).map((issuer) => issuer.cert));
    if (tooLong) throw broken(`${named} ${tooLong}`);
    if (anchor && cert !== root) continue;
    if (cert.notAfter.getTime() < now.getTime()) throw broken(`${named} expired on ${isoSeconds(cert.notAfter)}, ${expiredAdvice(cert === root)}`);
    if (cert.notBefore.getTime() > now.getTime()) throw broken(`${named} is not valid before ${isoSeconds(cert.notBefore)}`);
  }
}

/** RFC 5280 §4.2.1.9: at most pathLenConstraint intermediate CAs below this one, self-issued ones not counted. */
function pathLengthProblem(cert: ParsedCertificate, below: readonly ParsedCertificate[]): string | null {
  const limit = pathLengthLimit(cert);
  const intermediates = below.filter((issuer) => !sameName(issuer.subjectDn, issuer.issuerDn)).length;
  return limit === null || intermediates <= limit ? null : `allows at most ${limit} intermediate CA certificate${limit === 1 ? '' : 's'} below it (pathlen:${limit}), and the chain has ${intermediates}`;
}

function expiredAdvice(isRoot: boolean): string {
  return isRoot
    ? 'and clients refuse a chain ending at it. Give the current root of your CA as the trusted root'
    : 'and clients that do not build a path of their own (OpenSSL 1.0, older Android and Java) refuse a chain holding it. ' +
        'Download the current intermediate from your CA; if it is an old cross-signed certificate at the end of the chain, leave it out';
}

function broken(reason: string): CerthubError {
  return new CerthubError('CHAIN_BROKEN', `The certificate chain is broken: ${reason}.`);
}
