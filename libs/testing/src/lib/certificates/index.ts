export * from './test-certificate';
export * from './test-chain';
export * from './special-certificates';
export * from './test-key-encodings';
export { generateTestKeyPair, KEY_POOL_SIZE } from './test-key-pool';
export type { TestKeyType, TestSignatureHash } from './test-key-types';
export * from './openssl-cli';
export * from './openssl-certificates';
export * from './openssl-certificate-view';
