export * from '@certhub/dev-infra';
export * from './lib/stack/certhub-stack';
export * from './lib/stack/service-launcher';
export * from './lib/certificates';
export * from './lib/stack/bus-identities';
export * from './lib/eventually';
