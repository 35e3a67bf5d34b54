import { CerthubError } from '@certhub/contracts';
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { ParsedCertificate } from './parsed-certificate';

/**
 * The key matches when its public half is the certificate's SubjectPublicKeyInfo: exact for every key type, and
 * much cheaper than signing and verifying a challenge. When the key belongs to another uploaded certificate,
 * the upload is merely out of order, and saying so helps more than "does not match".
 */
export function assertKeyMatches(privateKey: KeyObject, leaf: ParsedCertificate, others: readonly ParsedCertificate[]): void {
  const keySpki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (holdsKey(leaf, keySpki)) return;
  const owner = others.find((cert) => holdsKey(cert, keySpki));
  if (owner) {
    throw new CerthubError(
      'CHAIN_ORDER_INVALID',
      `The private key belongs to "${owner.subjectDn.text}", not to the first certificate "${leaf.subjectDn.text}": ` +
        'the server certificate must come first, then its issuer, then that issuer\'s issuer.',
    );
  }
  throw new CerthubError('KEY_MISMATCH', `The private key does not match the certificate "${leaf.subjectDn.text}".`);
}

function holdsKey(cert: ParsedCertificate, keySpki: Buffer): boolean {
  try {
    const certSpki = Buffer.from(cert.publicKey.rawData);
    if (certSpki.equals(keySpki)) return true;
    // The same key can be encoded in more than one way (RSA parameters NULL or absent, say), so let OpenSSL
    // re-encode the certificate's key before concluding that the two differ. Only mismatches pay for this.
    return createPublicKey({ key: certSpki, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'der' }).equals(keySpki);
  } catch {
    return false;
  }
}
