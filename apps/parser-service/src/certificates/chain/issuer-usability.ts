import { CerthubError } from '@certhub/contracts';
import { whyNotAnIssuer } from '../certificate/certificate-extensions';
import { isoSeconds } from '../certificate/certificate-metadata';
import { criticalExtensionProblem } from '../certificate/critical-extensions';
import type { ParsedCertificate } from '../certificate/parsed-certificate';
import { sameName } from '../names/distinguished-name';

/**
 * Signatures and names can link up while clients still refuse the chain: an issuer with a critical extension
 * they cannot process, one that is not a CA (OpenSSL's "invalid CA certificate", and every browser's
 * equivalent), or one outside its validity period ("certificate has expired" at that depth). Either way the
 * server certificate would fail in every handshake through this chain, so the upload is refused rather than
 * stored. Runs once the order and signatures are known to be right.
 */
export function assertIssuersUsable(chain: readonly ParsedCertificate[], root: ParsedCertificate | null, now: Date): void {
  const issuers = [...chain.map((cert, index) => ({ cert, role: `chain certificate ${index + 1}` })), ...(root ? [{ cert: root, role: 'the trusted root CA' }] : [])];
  for (const { cert, role } of issuers) {
    const extensionProblem = criticalExtensionProblem(cert, `${role} "${cert.subjectDn.text}"`);
    if (extensionProblem) throw broken(extensionProblem);
    // A self-signed root ending the path is a trust anchor: trusted by configuration, not by its extensions
    // (RFC 5280 §6.1.1), so old roots without basicConstraints stay usable. One sent at the end of the chain
    // is ignored by clients, which take the root from their own store, so its dates do not matter either.
    const anchor = cert === (root ?? chain.at(-1)) && sameName(cert.subjectDn, cert.issuerDn);
    const notAnIssuer = anchor ? null : whyNotAnIssuer(cert);
    if (notAnIssuer) throw broken(`${role} "${cert.subjectDn.text}" cannot issue certificates: ${notAnIssuer}. Upload the CA certificates your CA gave you`);
    if (anchor && cert !== root) continue;
    if (cert.notAfter.getTime() < now.getTime()) {
      throw broken(
        `${role} "${cert.subjectDn.text}" expired on ${isoSeconds(cert.notAfter)}, and clients refuse a chain holding it. ` +
          'Download the current intermediate from your CA; if it is an old cross-signed certificate at the end of the chain, leave it out',
      );
    }
    if (cert.notBefore.getTime() > now.getTime()) throw broken(`${role} "${cert.subjectDn.text}" is not valid before ${isoSeconds(cert.notBefore)}`);
  }
}

function broken(reason: string): CerthubError {
  return new CerthubError('CHAIN_BROKEN', `The certificate chain is broken: ${reason}.`);
}
