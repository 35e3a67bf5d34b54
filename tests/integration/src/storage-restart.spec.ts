import { Consumers, Streams, type CertificateOutcomeEvent, type CertificateStoredEvent } from '@certhub/contracts';
import { createTestCertificate } from '@certhub/testing';
import { BusProducer } from './support/bus-producer';
import { OutcomeListener } from './support/outcome-listener';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let outcomes: OutcomeListener;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  outcomes = new OutcomeListener(env.observer);
});
afterAll(async () => env?.close());

// Issue 4: a thousand queued events, stored exactly once after the restart.
const EVENTS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Request ids of a tenant that have an outcome on the bus so far. */
const decided = (tenantId: string) => new Set(outcomes.received.filter((outcome) => outcome.tenantId === tenantId).map((outcome) => outcome.requestId)).size;

/**
 * SIGKILL storage once at least `processed` of the tenant's requests are decided, and report what was under
 * way at that moment: how many were decided and how many hand-overs storage held unacknowledged.
 */
async function killMidway(tenantId: string, processed: number): Promise<{ decided: number; inFlight: number }> {
  while (decided(tenantId) < processed) await sleep(5);
  const jsm = await env.inspector.jetstreamManager();
  const { num_ack_pending: inFlight } = await jsm.consumers.info(Streams.pipeline.name, Consumers.storage);
  const before = decided(tenantId);
  await env.stack.kill('storage');
  return { decided: before, inFlight };
}

/** Request ids holding more than one certificate document: a doubly stored request. */
async function storedTwice(tenantId: string): Promise<unknown[]> {
  return env.db
    .collection('certificates')
    .aggregate([{ $match: { tenantId } }, { $group: { _id: '$createdByRequestId', n: { $sum: 1 } } }, { $match: { n: { $gt: 1 } } }])
    .toArray();
}

describe('storage service down while events are queued', () => {
  it('stores every queued certificate exactly once, killed twice while working through them', async () => {
    await env.stack.kill('storage');
    const cert = await createTestCertificate({ keyType: 'p256' });
    const producer = await BusProducer.create(env, 'restart');
    for (let i = 0; i < EVENTS; i += 1) {
      await producer.publish('create', { requestId: `req-${i}`, name: `queued-${i}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem }, `restart|req-${i}`);
    }
    await producer.close();
    expect(outcomes.received).toHaveLength(0);

    // Back, then killed -9 twice with the queue half worked through: each kill lands on hand-overs storage
    // holds unacknowledged (some written, not yet recorded), which come back to the next instance.
    await env.stack.start('storage');
    const first = await killMidway('restart', 100);
    await env.stack.start('storage');
    const second = await killMidway('restart', first.decided + 300);
    await env.stack.start('storage');
    for (const kill of [first, second]) {
      expect(kill.decided).toBeGreaterThan(0);
      expect(kill.decided).toBeLessThan(EVENTS);
      expect(kill.inFlight).toBeGreaterThan(0);
    }

    const settled = await Promise.all(Array.from({ length: EVENTS }, (_, i) => outcomes.outcomeOf('restart', `req-${i}`, 60_000)));
    expect(settled.every((outcome: CertificateOutcomeEvent) => outcome.outcome === 'created')).toBe(true);
    // One document per request id (a request stored twice would show here even under two names), one per name.
    expect(await storedTwice('restart')).toEqual([]);
    const docs = await env.db.collection('certificates').find({ tenantId: 'restart' }).toArray();
    expect(new Set(docs.map((doc) => doc['createdByRequestId'])).size).toBe(EVENTS);
    expect(docs).toHaveLength(EVENTS);
    expect(new Set(docs.map((doc) => doc['name'])).size).toBe(EVENTS);
    // Every answer names the certificate that is stored for it.
    const storedIdByRequest = new Map(docs.map((doc) => [doc['createdByRequestId'], doc['_id']]));
    for (const outcome of settled as CertificateStoredEvent[]) expect(outcome.certificate.id).toBe(storedIdByRequest.get(outcome.requestId));
  });

  it('processes a message once even when the service is killed mid-batch', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const producer = await BusProducer.create(env, 'midway');
    const published = Array.from({ length: EVENTS }, (_, i) =>
      producer.publish('create', { requestId: `mid-${i}`, name: `mid-${i}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem }),
    );
    await Promise.all(published);
    await producer.close();
    // Kill while the batch is being worked on; unacknowledged messages come back after the ack wait.
    const kill = await killMidway('midway', 200);
    expect(kill.inFlight).toBeGreaterThan(0);
    expect(kill.decided).toBeLessThan(EVENTS);
    await env.stack.start('storage');

    const settled = await Promise.all(Array.from({ length: EVENTS }, (_, i) => outcomes.outcomeOf('midway', `mid-${i}`, 60_000)));
    expect(settled.every((outcome) => outcome.outcome === 'created')).toBe(true);
    expect(await storedTwice('midway')).toEqual([]);
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'midway' })).toBe(EVENTS);
  });
});
