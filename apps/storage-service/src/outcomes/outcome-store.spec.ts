import type { CertificateOutcomeEvent, CertificateStoredEvent } from '@certhub/contracts';
import { BSON, type CommandStartedEvent } from 'mongodb';
import { toCertificateRecord } from '../certificates/certificate-record.mapper';
import type { Certificate } from '../certificates/schemas/certificate.schema';
import { useStorageDatabase } from '../storage-database.spec-support';
import { OutcomeStore } from './outcome-store.service';

/** A certificate as large as an upload may make it: 4,500 SANs, a 40 KiB certificate and a chain. */
function bigCertificate(id: number, tenantId: string): Certificate {
  const dns = Array.from({ length: 4_500 }, (_, i) => `host-${i}.${id}.example.com`);
  const now = new Date();
  return {
    _id: id,
    uid: id.toString(16).padStart(32, '0'),
    tenantId,
    name: `cert-${id}`,
    labels: {},
    tags: {},
    tagPairs: [],
    certificatePem: `-----BEGIN CERTIFICATE-----\n${'A'.repeat(40_000)}\n-----END CERTIFICATE-----\n`,
    chainPem: ['-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n'],
    trustedRootCaPem: null,
    metadata: { commonName: `${id}.example.com`, subjectAltNames: { dns, ip: [], email: [], uri: [] } } as never,
    chain: [],
    hostnames: dns,
    notAfter: new Date(now.getTime() + 90 * 86_400_000),
    expiryNotified: [],
    privateKey: { kid: 'k', alg: 'AES-256-GCM', wrapped: 'w', iv: 'i', tag: 't', ciphertext: 'c' } as never,
    revision: 1,
    createdByRequestId: `request-${id}`,
    appliedRequestIds: [],
    createdAt: now,
    updatedAt: now,
  };
}

function createdOutcome(requestId: string, certificate: Certificate): CertificateStoredEvent {
  return {
    requestId,
    tenantId: certificate.tenantId,
    operation: 'create',
    decidedAt: new Date().toISOString(),
    outcome: 'created',
    certificate: toCertificateRecord(certificate),
  };
}

describe('OutcomeStore (idempotency records on a MongoDB-protocol server)', () => {
  const database = useStorageDatabase();
  let store: OutcomeStore;
  beforeAll(() => (store = new OutcomeStore(database.outcomes, database.certificates)));

  async function decide(requestId: string, outcome: CertificateOutcomeEvent, contentHash = `hash-${requestId}`) {
    expect(await store.claim(outcome.tenantId, requestId, contentHash)).toEqual({ state: 'open' });
    return store.settle(contentHash, outcome);
  }

  const rawRecord = (tenantId: string, requestId: string) => database.outcomes.collection.findOne({ tenantId, requestId });

  it('claims with the document mongoose would write: its casts and defaults change nothing of it', async () => {
    expect(await store.claim('team-m', 'as-mongoose', 'hash-m')).toEqual({ state: 'open' });
    const raw = await rawRecord('team-m', 'as-mongoose');
    const asMongoose = new database.outcomes(raw);

    expect(asMongoose.validateSync()).toBeUndefined();
    expect(asMongoose.toObject()).toEqual(raw);
  });

  it('keeps a record of a few hundred bytes for a certificate of hundreds of kilobytes, and answers the same outcome again', async () => {
    const certificate = bigCertificate(1, 'team-a');
    await database.certificates.collection.insertOne(certificate as never);
    const outcome = createdOutcome('r-1', certificate);
    expect(await decide('r-1', outcome)).toEqual({ kept: { contentHash: 'hash-r-1', outcome }, recordedHere: true });

    const record = await rawRecord('team-a', 'r-1');
    expect(BSON.calculateObjectSize(certificate as never)).toBeGreaterThan(100_000);
    expect(BSON.calculateObjectSize(record as never)).toBeLessThan(400);
    expect(record).toMatchObject({ decision: { outcome: 'created', certificateId: 1, revision: 1 } });
    expect(JSON.stringify(record)).not.toContain('host-1.1.example.com');

    // Claimed again with the same content (a redelivery or a retry): the very first outcome.
    expect(await store.claim('team-a', 'r-1', 'hash-r-1')).toEqual({ state: 'decided', stored: { contentHash: 'hash-r-1', outcome } });
    expect(await store.find('team-a', 'r-1')).toEqual({ contentHash: 'hash-r-1', outcome });
    // Other content with the same request id is refused, and the record is unchanged.
    expect(await store.claim('team-a', 'r-1', 'other-hash')).toEqual({ state: 'taken' });
  });

  it('answers a retry with the certificate as it is now once a later update moved it on, and NOT_FOUND once it is gone', async () => {
    const certificate = bigCertificate(2, 'team-a');
    await database.certificates.collection.insertOne(certificate as never);
    await decide('r-2', createdOutcome('r-2', certificate));

    const updatedAt = new Date(Date.now() + 1_000);
    await database.certificates.collection.updateOne({ _id: 2 } as never, { $set: { name: 'renamed', revision: 2, updatedAt } });
    const retried = (await store.find('team-a', 'r-2'))?.outcome as CertificateStoredEvent;
    expect(retried).toMatchObject({ outcome: 'created', certificate: { id: 2, name: 'renamed', revision: 2, updatedAt: updatedAt.toISOString() } });

    await database.certificates.collection.deleteOne({ _id: 2 } as never);
    expect((await store.find('team-a', 'r-2'))?.outcome).toMatchObject({ outcome: 'rejected', code: 'NOT_FOUND', operation: 'create' });
  });

  it('never rebuilds an outcome from another tenant’s certificate', async () => {
    const certificate = bigCertificate(3, 'team-b');
    await database.certificates.collection.insertOne(certificate as never);
    // A record of team-a naming team-b's certificate (which no write path makes) still only reads team-a's.
    await database.outcomes.collection.insertOne({
      tenantId: 'team-a', requestId: 'r-3', contentHash: 'h', createdAt: new Date(),
      decision: { outcome: 'updated', operation: 'update', decidedAt: new Date().toISOString(), certificateId: 3, revision: 1 },
    });
    expect((await store.find('team-a', 'r-3'))?.outcome).toMatchObject({ outcome: 'rejected', code: 'NOT_FOUND' });
  });

  it('keeps rejections whole: code and message', async () => {
    const rejected: CertificateOutcomeEvent = {
      requestId: 'r-4', tenantId: 'team-a', operation: 'create', decidedAt: new Date().toISOString(),
      outcome: 'rejected', code: 'KEY_MISMATCH', message: 'The private key does not match the certificate.',
    };
    await decide('r-4', rejected);
    expect(await store.find('team-a', 'r-4')).toEqual({ contentHash: 'hash-r-4', outcome: rejected });
  });

  it('still answers from a record written before records were slim', async () => {
    const certificate = bigCertificate(5, 'team-a');
    const legacy = createdOutcome('r-5', certificate);
    await database.outcomes.collection.insertOne({ tenantId: 'team-a', requestId: 'r-5', contentHash: 'h5', outcome: legacy, createdAt: new Date() });
    expect(await store.claim('team-a', 'r-5', 'h5')).toEqual({ state: 'decided', stored: { contentHash: 'h5', outcome: legacy } });
  });

  it('lets only one of two concurrent deliveries record the decision', async () => {
    const certificate = bigCertificate(6, 'team-a');
    await database.certificates.collection.insertOne(certificate as never);
    const outcome = createdOutcome('r-6', certificate);
    await store.claim('team-a', 'r-6', 'h6');
    const both = await Promise.all([store.settle('h6', outcome), store.settle('h6', { ...outcome, decidedAt: 'later' })]);
    expect(both.map((one) => one.recordedHere).sort()).toEqual([false, true]);
    expect(both[0].kept).toEqual(both[1].kept);
  });

  it('tells its own decision from a concurrent delivery\'s when both went in one update command', async () => {
    const [seven, eight] = [bigCertificate(7, 'team-a'), bigCertificate(8, 'team-a')];
    await database.certificates.collection.insertMany([seven, eight] as never[]);
    await store.claim('team-a', 'r-7', 'h7');
    await store.claim('team-a', 'r-8', 'h8');
    const statements: number[] = [];
    const seen = (event: CommandStartedEvent) => {
      if (event.commandName === 'update' && event.command['update'] === 'request_outcomes') statements.push((event.command['updates'] as unknown[]).length);
    };
    database.connection.getClient().on('commandStarted', seen);
    try {
      // r-8's decision goes alone; the two deliveries of r-7 wait for it and share the next command, whose
      // reply (one document changed of two) cannot say whose write went in.
      const [, first, second] = await Promise.all([
        store.settle('h8', createdOutcome('r-8', eight)),
        store.settle('h7', createdOutcome('r-7', seven)),
        store.settle('h7', { ...createdOutcome('r-7', seven), decidedAt: 'later' }),
      ]);
      expect(statements).toEqual([1, 2]);
      expect([first.recordedHere, second.recordedHere]).toEqual([true, false]);
      expect(second.kept).toEqual(first.kept);
    } finally {
      database.connection.getClient().off('commandStarted', seen);
    }
  });
});
