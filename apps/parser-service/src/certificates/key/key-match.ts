import { CerthubError } from '@certhub/contracts';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import type { ParsedCertificate } from '../certificate/parsed-certificate';
import { descendsFrom } from '../chain/issued-by';
import type { UploadedKey } from './uploaded-key';

/**
 * The key matches when its public half is the certificate's SubjectPublicKeyInfo: exact for every key type, and
 * much cheaper than signing and verifying a challenge.
 *
 * When the key belongs to another uploaded certificate, the cause depends on how the two are related. If the
 * first certificate issued the key's certificate (directly or through other uploaded ones), the upload is upside
 * down, and saying "out of order" helps more than "does not match". Otherwise (most often the key of the
 * intermediate pasted with a correctly ordered fullchain) no order of the same certificates would make the key
 * fit the server certificate: that is a mismatch, and the message says whose key it is.
 *
 * `chain` holds the other uploaded certificates without copies (assembleChain), which bounds the lineage walk.
 */
export async function assertKeyMatches(privateKey: UploadedKey, leaf: ParsedCertificate, chain: readonly ParsedCertificate[]): Promise<void> {
  const keySpki = privateKey.publicKeySpki();
  if (holdsKey(leaf, keySpki)) return;
  const owner = chain.find((cert) => holdsKey(cert, keySpki));
  if (owner && (await descendsFrom(owner, leaf, chain))) {
    throw new CerthubError(
      'CHAIN_ORDER_INVALID',
      `The private key belongs to "${owner.subjectDn.text}", not to the first certificate "${leaf.subjectDn.text}": ` +
        'the server certificate must come first, then its issuer, then that issuer\'s issuer.',
    );
  }
  throw new CerthubError('KEY_MISMATCH', `The private key does not match the certificate "${leaf.subjectDn.text}"${owner ? await whoseKey(owner, leaf, chain) : ''}.`);
}

/** Names the certificate the key does belong to: users often pick the issuer's key file by mistake. */
async function whoseKey(owner: ParsedCertificate, leaf: ParsedCertificate, chain: readonly ParsedCertificate[]): Promise<string> {
  const role = (await descendsFrom(leaf, owner, chain)) ? 'one of its issuers' : 'another uploaded certificate';
  return `; it is the key of ${role}, "${owner.subjectDn.text}"`;
}

function holdsKey(cert: ParsedCertificate, keySpki: Buffer): boolean {
  const certSpki = Buffer.from(cert.publicKey.rawData);
  if (certSpki.equals(keySpki)) return true;
  // One key has more than one encoding: RSA parameters NULL or absent, an EC point compressed or not, a named
  // curve or its explicit parameters. Compare the numbers themselves, as OpenSSL reads them from either side,
  // before concluding that the two differ. Only mismatches pay for this.
  try {
    return samePublicNumbers(publicNumbers(certSpki), publicNumbers(keySpki));
  } catch {
    return false;
  }
}

function publicNumbers(spki: Buffer): JsonWebKey {
  return createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ format: 'jwk' });
}

function samePublicNumbers(a: JsonWebKey, b: JsonWebKey): boolean {
  return a.kty !== undefined && a.kty === b.kty && a.n === b.n && a.e === b.e && a.crv === b.crv && a.x === b.x && a.y === b.y;
}
