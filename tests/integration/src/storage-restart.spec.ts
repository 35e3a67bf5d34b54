import { Subjects, type CertificateOutcomeEvent, type CertificateStoredEvent } from '@certhub/contracts';
import { createTestCertificate } from '@certhub/testing';
import { JSONCodec, headers as natsHeaders } from 'nats';
import { OutcomeListener } from './support/outcome-listener';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let outcomes: OutcomeListener;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  outcomes = new OutcomeListener(env.bus);
});
afterAll(async () => env?.close());

// Issue 4: a thousand queued events, stored exactly once after the restart.
const EVENTS = 1_000;

describe('storage service down while events are queued', () => {
  it('stores every queued certificate exactly once after it comes back', async () => {
    await env.stack.kill('storage');
    const cert = await createTestCertificate({ keyType: 'p256' });
    const js = env.bus.jetstream();
    const json = JSONCodec();
    for (let i = 0; i < EVENTS; i += 1) {
      const headers = natsHeaders();
      headers.set('Nats-Msg-Id', `restart:req-${i}`);
      await js.publish(
        Subjects.certificateCreate,
        json.encode({ requestId: `req-${i}`, tenantId: 'restart', name: `queued-${i}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem }),
        { headers },
      );
    }
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
    const js = env.bus.jetstream();
    const json = JSONCodec();
    const published = Array.from({ length: EVENTS }, (_, i) =>
      js.publish(Subjects.certificateCreate, json.encode({ requestId: `mid-${i}`, tenantId: 'midway', name: `mid-${i}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem })),
    );
    await Promise.all(published);
    // Kill while the batch is being worked on; unacknowledged messages come back after the ack wait.
    while (!outcomes.received.some((outcome) => outcome.tenantId === 'midway')) await new Promise((resolve) => setTimeout(resolve, 20));
    await env.stack.kill('storage');
    await env.stack.start('storage');

    const settled = await Promise.all(Array.from({ length: EVENTS }, (_, i) => outcomes.outcomeOf('midway', `mid-${i}`, 60_000)));
    expect(settled.every((outcome) => outcome.outcome === 'created')).toBe(true);
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'midway' })).toBe(EVENTS);
  });
});
