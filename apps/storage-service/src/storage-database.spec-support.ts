import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import mongoose, { type Connection, type Model } from 'mongoose';
import { Certificate, CertificateSchema } from './certificates/schemas/certificate.schema';
import { Counter, CounterSchema } from './certificates/schemas/counter.schema';
import { DeletedCertificate, DeletedCertificateSchema } from './lifecycle/schemas/deleted-certificate.schema';
import { RequestOutcome, RequestOutcomeSchema } from './outcomes/schemas/request-outcome.schema';

/** Storage's collections on a MongoDB-protocol server, as the service's models see them. */
export interface StorageDatabase {
  readonly connection: Connection;
  readonly certificates: Model<Certificate>;
  readonly counters: Model<Counter>;
  readonly outcomes: Model<RequestOutcome>;
  readonly deletedCertificates: Model<DeletedCertificate>;
}

/**
 * For one spec file: the embedded server in memory, with storage's models and the indexes their schemas
 * declare (the unique ones are what "once" and tenant isolation rest on). Fields are set in beforeAll: read
 * them inside tests.
 */
export function useStorageDatabase(): StorageDatabase {
  let server: EmbeddedMongo | undefined;
  const database = {} as { -readonly [K in keyof StorageDatabase]: StorageDatabase[K] };
  beforeAll(async () => {
    server = await startEmbeddedMongo({ port: 0 });
    // Command monitoring lets a spec see what was sent, write concerns included.
    database.connection = await mongoose.createConnection(`${server.url}/certhub`, { autoIndex: false, monitorCommands: true }).asPromise();
    database.certificates = database.connection.model<Certificate>(Certificate.name, CertificateSchema) as unknown as Model<Certificate>;
    database.counters = database.connection.model<Counter>(Counter.name, CounterSchema) as unknown as Model<Counter>;
    database.outcomes = database.connection.model<RequestOutcome>(RequestOutcome.name, RequestOutcomeSchema) as unknown as Model<RequestOutcome>;
    database.deletedCertificates = database.connection.model<DeletedCertificate>(DeletedCertificate.name, DeletedCertificateSchema) as unknown as Model<DeletedCertificate>;
    await Promise.all([database.certificates.createIndexes(), database.outcomes.createIndexes(), database.deletedCertificates.createIndexes()]);
  });
  afterAll(async () => {
    await database.connection?.close();
    await server?.stop();
  });
  return database;
}
