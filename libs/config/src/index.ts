export * from './lib/env-reader';
export * from './lib/key-encryption-keys';
export * from './lib/service-configs';
export * from './lib/heap-growth';
