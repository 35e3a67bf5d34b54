import { CerthubError } from '@certhub/contracts';
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** Key types that sign: the only ones a TLS certificate can be served with. Others are judged by the key match. */
const SIGNING_KEY_TYPES: ReadonlySet<string> = new Set(['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448', 'dsa']);
const CHALLENGE = Buffer.from('certhub: does this private key sign for its own public key?');

export const INCONSISTENT_KEY =
  'The private key is damaged: its private part does not belong to the public key stored with it, so it cannot ' +
  'sign for any certificate (`openssl pkey -check` refuses it). Export the key again from where it was created.';

/**
 * OpenSSL loads a key without checking that its halves belong together: an EC key whose public point is not
 * its scalar times the generator, or an RSA key with the certificate's n and e but another key's d, load fine.
 * Matching the public half against the certificate then passes, and every TLS handshake with the pair fails.
 * Signing a challenge with the private half and verifying it with the public half settles it for every key type
 * (Go's parsers get the same from deriving the public key from the private one). It costs about 0.1 ms for EC
 * and Ed25519; plain RSA keys are checked by their numbers in rsa-key-der.ts and reach this only in rare forms.
 */
export function assertKeyConsistent(key: KeyObject): void {
  const type = key.asymmetricKeyType ?? '';
  if (!SIGNING_KEY_TYPES.has(type)) return;
  const digest = type === 'ed25519' || type === 'ed448' ? null : 'sha256';
  let consistent: boolean;
  try {
    consistent = verify(digest, CHALLENGE, createPublicKey(key), sign(digest, CHALLENGE, key));
  } catch {
    consistent = false;
  }
  if (!consistent) throw new CerthubError('KEY_PARSE_FAILED', INCONSISTENT_KEY);
}
