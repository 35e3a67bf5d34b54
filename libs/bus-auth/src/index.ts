export * from './lib/nats-jwt';
export * from './lib/creds-file';
export * from './lib/bus-roles';
export * from './lib/bus-authority';
export * from './lib/nats-server-config';
export * from './lib/nats-cluster-config';
export * from './lib/bus-files';
export * from './lib/bus-tls';
