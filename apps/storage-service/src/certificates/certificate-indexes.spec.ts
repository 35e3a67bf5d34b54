import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import mongoose, { type Connection, type Model } from 'mongoose';
import { CertificateIndexes } from './certificate-indexes.service';
import { Certificate, CertificateSchema } from './schemas/certificate.schema';

describe('CertificateIndexes (on a MongoDB-protocol server)', () => {
  let server: EmbeddedMongo;
  let connection: Connection;
  let certificates: Model<Certificate>;

  beforeAll(async () => {
    server = await startEmbeddedMongo({ port: 0 });
    connection = await mongoose.createConnection(`${server.url}/certhub`, { autoIndex: false }).asPromise();
    certificates = connection.model<Certificate>(Certificate.name, CertificateSchema) as unknown as Model<Certificate>;
  });
  afterAll(async () => {
    await connection?.close();
    await server?.stop();
  });

  const indexes = async () => (await certificates.collection.listIndexes().toArray()).map((index) => ({ ...index }));

  it('lists by hostname through (tenant, hostname, notAfter, _id), copies through (tenant, fingerprint, _id), and drops the indexes they replace', async () => {
    await certificates.collection.createIndex({ tenantId: 1, hostnames: 1 }, { name: 'tenant_hostnames' });
    await certificates.collection.createIndex({ tenantId: 1, 'metadata.fingerprintSha256': 1 }, { name: 'tenant_fingerprint' });
    await new CertificateIndexes(certificates).ensure();
    const names = (await indexes()).map((index) => index.name);
    expect(names).not.toContain('tenant_hostnames');
    expect(names).not.toContain('tenant_fingerprint');
    expect((await indexes()).find((index) => index.name === 'tenant_hostnames_not_after'))
      .toMatchObject({ key: { tenantId: 1, hostnames: 1, notAfter: 1, _id: 1 } });
    expect((await indexes()).find((index) => index.name === 'tenant_fingerprint_id'))
      .toMatchObject({ key: { tenantId: 1, 'metadata.fingerprintSha256': 1, _id: 1 } });
  });
});
