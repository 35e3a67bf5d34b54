import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { assertKeyConsistent } from './key-consistency';

/**
 * A private key read from an upload: what the checks and the import need of it, whichever reader decoded it
 * (`rsa-key-der.ts` for the common RSA forms, OpenSSL for everything else).
 */
export interface UploadedKey {
  /** The public half as a SubjectPublicKeyInfo DER, the form a certificate carries. */
  publicKeySpki(): Buffer;
  /** The key as PKCS#8 DER, a fresh buffer each call: the caller seals it and zero-fills it. */
  pkcs8Der(): Buffer;
}

/**
 * A key OpenSSL decoded, once its halves are shown to belong together (throws KEY_PARSE_FAILED otherwise). The
 * public half is derived once: the key match and the PKCS#12 layout both ask for it.
 */
export function openSslKey(key: KeyObject): UploadedKey {
  assertKeyConsistent(key);
  let spki: Buffer | undefined;
  return {
    publicKeySpki: () => (spki ??= createPublicKey(key).export({ type: 'spki', format: 'der' })),
    pkcs8Der: () => key.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** Reads a DER key OpenSSL's way; throws what `createPrivateKey` throws, or a CerthubError for a damaged key. */
export function decodeWithOpenSsl(der: Buffer, type: 'pkcs8' | 'pkcs1' | 'sec1'): UploadedKey {
  return openSslKey(createPrivateKey({ key: der, format: 'der', type }));
}
