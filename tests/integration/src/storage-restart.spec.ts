import { type CertificateOutcomeEvent, type CertificateStoredEvent } from '@certhub/contracts';
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

describe('storage service down while events are queued', () => {
  it('stores every queued certificate exactly once after it comes back', async () => {
    await env.stack.kill('storage');
    const cert = await createTestCertificate({ keyType: 'p256' });
    const producer = await BusProducer.create(env, 'restart');
    for (let i = 0; i < EVENTS; i += 1) {
      await producer.publish('create', { requestId: `req-${i}`, name: `queued-${i}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem }, `restart|req-${i}`);
    }
    await producer.close();
    expect(outcomes.received).toHaveLength(0);

    await env.stack.start('storage');
    const settled = await Promise.all(Array.from({ length: EVENTS }, (_, i) => outcomes.outcomeOf('restart', `req-${i}`, 60_000)));

    expect(settled.every((outcome: CertificateOutcomeEvent) => outcome.outcome === 'created')).toBe(true);
    const names = (await env.db.collection('certificates').find({ tenantId: 'restart' }).toArray()).map((doc) => doc['name']);
    expect(names).toHaveLength(EVENTS);
    expect(new Set(names).size).toBe(EVENTS);
    const ids = settled.map((outcome) => (outcome as CertificateStoredEvent).certificate.id);
    expect(new Set(ids).size).toBe(EVENTS);
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
    while (!outcomes.received.some((outcome) => outcome.tenantId === 'midway')) await new Promise((resolve) => setTimeout(resolve, 20));
    await env.stack.kill('storage');
    await env.stack.start('storage');

    const settled = await Promise.all(Array.from({ length: EVENTS }, (_, i) => outcomes.outcomeOf('midway', `mid-${i}`, 60_000)));
    expect(settled.every((outcome) => outcome.outcome === 'created')).toBe(true);
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'midway' })).toBe(EVENTS);
  });
});
