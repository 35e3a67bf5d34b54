export * from './lib/free-port';
export * from './lib/nats-server';
export * from './lib/service-process';
