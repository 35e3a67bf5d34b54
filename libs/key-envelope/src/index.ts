export * from './lib/envelope';
