import { createPrivateKey, KeyObject, type webcrypto } from 'node:crypto';

export type TestKeyFormat = 'pkcs8' | 'pkcs1' | 'sec1';

/** A WebCrypto private key as PEM in the requested structure (pkcs1 only for RSA, sec1 only for EC). */
export function privateKeyToPem(privateKey: webcrypto.CryptoKey, format: TestKeyFormat = 'pkcs8'): string {
  return KeyObject.from(privateKey).export({ type: format, format: 'pem' }).toString();
}

export function toPkcs8Pem(pem: string): string {
  return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** "RSA PRIVATE KEY" (PKCS#1). */
export function toPkcs1Pem(pem: string): string {
  return createPrivateKey(pem).export({ type: 'pkcs1', format: 'pem' }).toString();
}

/** "EC PRIVATE KEY" (SEC1). */
export function toSec1Pem(pem: string): string {
  return createPrivateKey(pem).export({ type: 'sec1', format: 'pem' }).toString();
}

/** "ENCRYPTED PRIVATE KEY" (PKCS#8 with AES-256-CBC). */
export function encryptPrivateKeyPem(pem: string, passphrase: string): string {
  return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}

/** The legacy OpenSSL form: PKCS#1 or SEC1 with `Proc-Type: 4,ENCRYPTED` and `DEK-Info` headers. */
export function encryptLegacyPrivateKeyPem(pem: string, passphrase: string): string {
  const key = createPrivateKey(pem);
  const type = key.asymmetricKeyType === 'rsa' ? 'pkcs1' : 'sec1';
  return key.export({ type, format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}
