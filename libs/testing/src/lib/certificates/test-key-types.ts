import type { webcrypto } from 'node:crypto';

export type TestKeyType = 'rsa1024' | 'rsa2048' | 'rsa3072' | 'rsa4096' | 'p256' | 'p384' | 'p521' | 'ed25519';
export type TestSignatureHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export type KeyGenerationParams = webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams | webcrypto.Algorithm;
export type SigningParams = webcrypto.Algorithm & { hash?: TestSignatureHash };

const F4 = new Uint8Array([1, 0, 1]);
const rsa = (modulusLength: number): KeyGenerationParams => ({ name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: F4, hash: 'SHA-256' });

export const KEY_GENERATION: Readonly<Record<TestKeyType, KeyGenerationParams>> = {
  rsa1024: rsa(1024),
  rsa2048: rsa(2048),
  rsa3072: rsa(3072),
  rsa4096: rsa(4096),
  p256: { name: 'ECDSA', namedCurve: 'P-256' },
  p384: { name: 'ECDSA', namedCurve: 'P-384' },
  p521: { name: 'ECDSA', namedCurve: 'P-521' },
  ed25519: { name: 'Ed25519' },
};

/** The usual signature for each issuer key type (the hash grows with the curve, as CAs do it). */
const DEFAULT_HASH: Readonly<Record<TestKeyType, TestSignatureHash | null>> = {
  rsa1024: 'SHA-256',
  rsa2048: 'SHA-256',
  rsa3072: 'SHA-256',
  rsa4096: 'SHA-256',
  p256: 'SHA-256',
  p384: 'SHA-384',
  p521: 'SHA-512',
  ed25519: null,
};

export function isRsa(keyType: TestKeyType): boolean {
  return keyType.startsWith('rsa');
}

export function signingParams(issuerKeyType: TestKeyType, hash?: TestSignatureHash): SigningParams {
  if (issuerKeyType === 'ed25519') return { name: 'Ed25519' };
  const chosen = hash ?? DEFAULT_HASH[issuerKeyType] ?? 'SHA-256';
  return { name: isRsa(issuerKeyType) ? 'RSASSA-PKCS1-v1_5' : 'ECDSA', hash: chosen };
}
