export * from './lib/free-port';
export * from './lib/nats-server';
export * from './lib/nats-process';
export * from './lib/nats-cluster';
export * from './lib/service-process';
export * from './lib/workspace-root';
export * from './lib/dev-keks';
export * from './lib/nats-connect';
