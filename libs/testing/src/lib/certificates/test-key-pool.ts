import { webcrypto } from 'node:crypto';
import { KEY_GENERATION, type TestKeyType } from './test-key-types';

/**
 * RSA key generation costs tens of milliseconds (seconds for 4096 bits), so certificates share keys: each key type
 * keeps up to POOL_SIZE key pairs per process (per jest test file), generated on first need and then handed out
 * in rotation. Any POOL_SIZE consecutive certificates of one key type therefore have distinct keys, which is what
 * chains and key-mismatch tests rely on; pass `keyPair: await generateTestKeyPair(type)` when a test needs a key
 * that no other certificate can have.
 */
export const KEY_POOL_SIZE = 8;

const pools = new Map<TestKeyType, { readonly keys: Promise<webcrypto.CryptoKeyPair>[]; next: number }>();

export function pooledKeyPair(keyType: TestKeyType): Promise<webcrypto.CryptoKeyPair> {
  let pool = pools.get(keyType);
  if (!pool) pools.set(keyType, (pool = { keys: [], next: 0 }));
  if (pool.keys.length < KEY_POOL_SIZE) {
    const fresh = generateTestKeyPair(keyType);
    pool.keys.push(fresh);
    return fresh;
  }
  return pool.keys[pool.next++ % KEY_POOL_SIZE];
}

/** A key pair nobody else has; extractable so it can be written out as PEM. */
export function generateTestKeyPair(keyType: TestKeyType): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_GENERATION[keyType], true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
}
