export * from './lib/metrics-registry';
export * from './lib/metrics.module';
export * from './lib/consumer-lag';
export * from './lib/listening-url';
