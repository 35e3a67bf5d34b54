export { startEmbeddedMongo, type EmbeddedMongo, type EmbeddedMongoOptions } from './lib/embedded-mongo';
