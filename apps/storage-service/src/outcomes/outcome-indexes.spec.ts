import type { StorageConfig } from '@certhub/config';
import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import mongoose, { type Connection, type Model } from 'mongoose';
import { OutcomeIndexes } from './outcome-indexes.service';
import { OUTCOME_RETENTION_INDEX, RequestOutcome, RequestOutcomeSchema } from './schemas/request-outcome.schema';

describe('OutcomeIndexes (on a MongoDB-protocol server)', () => {
  let server: EmbeddedMongo;
  let connection: Connection;
  let records: Model<RequestOutcome>;

  beforeAll(async () => {
    // The TTL monitor runs every 100 ms here instead of every minute.
    server = await startEmbeddedMongo({ port: 0, ttlMonitorIntervalMs: 100 });
    connection = await mongoose.createConnection(`${server.url}/certhub`, { autoIndex: false }).asPromise();
    records = connection.model<RequestOutcome>(RequestOutcome.name, RequestOutcomeSchema) as unknown as Model<RequestOutcome>;
  });
  afterAll(async () => {
    await connection?.close();
    await server?.stop();
  });

  const ensure = (outcomeRetentionHours: number) => new OutcomeIndexes(records, { outcomeRetentionHours } as StorageConfig).ensure();
  const retention = async () =>
    (await records.collection.listIndexes().toArray()).map((index) => ({ ...index })).find((index) => index.name === OUTCOME_RETENTION_INDEX);

  it('expires idempotency records after OUTCOME_RETENTION_HOURS, and follows a changed setting in place', async () => {
    await ensure(360);
    expect(await retention()).toMatchObject({ key: { createdAt: 1 }, expireAfterSeconds: 360 * 3_600 });
    await ensure(720);
    expect(await retention()).toMatchObject({ key: { createdAt: 1 }, expireAfterSeconds: 720 * 3_600 });
    // Unchanged: nothing to do, and no error.
    await ensure(720);
    expect(await retention()).toMatchObject({ expireAfterSeconds: 720 * 3_600 });
  });

  it('lets the TTL monitor delete the records older than the retention, and only those', async () => {
    await ensure(360);
    const retentionMs = 360 * 3_600_000;
    const record = (requestId: string, ageMs: number) => ({
      tenantId: 'team-a', requestId, contentHash: 'h', decision: null, createdAt: new Date(Date.now() - ageMs),
    });
    await records.collection.insertMany([record('expired', retentionMs + 60_000), record('kept', retentionMs - 60_000), record('new', 0)]);
    const deadline = Date.now() + 10_000;
    while ((await records.countDocuments({ requestId: 'expired' })) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await records.find({}, { requestId: 1 }).lean()).map((one) => one.requestId).sort()).toEqual(['kept', 'new']);
  });
});
