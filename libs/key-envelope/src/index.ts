export * from './lib/envelope';
export * from './lib/kek-check-value';
