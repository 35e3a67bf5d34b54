import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import type { StorageConfig } from '@certhub/config';
import mongoose, { type Connection, type Model } from 'mongoose';
import { Certificate, CertificateSchema, EXPIRY_CHECK_ON_NEXT_SCAN } from '../certificates/schemas/certificate.schema';

export const DAY_MS = 86_400_000;

export interface CertificateStore {
  readonly connection: Connection;
  readonly certificates: Model<Certificate>;
  /** Documents the server has examined so far (serverStatus metrics.queryExecutor.scannedObjects). */
  scannedObjects(): Promise<number>;
  /** Inserts `count` certificates of one tenant with the given notAfter each, as the writer leaves them. */
  insert(count: number, notAfter: (i: number) => Date, tenantId?: string): Promise<void>;
}

/**
 * For one spec file: the MongoDB-protocol server in memory with the certificates collection and all its
 * indexes, as the storage service sets them up. Fields are set in beforeAll: read them inside tests.
 */
export function useCertificateStore(): CertificateStore {
  let server: EmbeddedMongo;
  let next = 1;
  const store = {
    scannedObjects: async () => {
      const status = await store.connection.db?.admin().command({ serverStatus: 1 });
      return Number((status?.['metrics'] as { queryExecutor: { scannedObjects: number } }).queryExecutor.scannedObjects);
    },
    insert: async (count: number, notAfter: (i: number) => Date, tenantId = 'tenant-a') => {
      const docs = Array.from({ length: count }, (_, i) => {
        const id = next++;
        return {
          _id: id,
          uid: id.toString(16).padStart(32, '0'),
          tenantId,
          name: `cert-${id}`,
          hostnames: [`host-${id}.example.com`],
          notAfter: notAfter(i),
          expiryNotified: [],
          expiryCheckAt: EXPIRY_CHECK_ON_NEXT_SCAN,
          createdByRequestId: `request-${id}`,
        };
      });
      // Straight into the collection: these tests are about reading, the fields the scan reads are all here.
      await store.certificates.collection.insertMany(docs as never[]);
    },
  } as CertificateStore & { connection: Connection; certificates: Model<Certificate> };
  beforeAll(async () => {
    server = await startEmbeddedMongo({ port: 0 });
    store.connection = await mongoose.createConnection(`${server.url}/certhub`, { autoIndex: false }).asPromise();
    store.certificates = store.connection.model<Certificate>(Certificate.name, CertificateSchema) as unknown as Model<Certificate>;
    await store.certificates.createIndexes();
  });
  afterAll(async () => {
    await store.connection?.close();
    await server?.stop();
  });
  return store;
}

/** The part of the storage configuration the expiry watch reads. */
export function expiryConfig(thresholdsDays: readonly number[] = [1, 7, 14, 30]): StorageConfig {
  return { expiry: { thresholdsDays, scanIntervalMs: 3_600_000 } } as unknown as StorageConfig;
}
