import { deadLetterSubject, type CertificateStoredEvent } from '@certhub/contracts';
import { createTestCertificate, exportPkcs12 } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import type { Msg } from 'nats';
import { BusProducer } from './support/bus-producer';
import { OutcomeListener } from './support/outcome-listener';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let outcomes: OutcomeListener;
let producer: BusProducer;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  producer = await BusProducer.create(env, 'bus-tenant');
  // The producer's own view: its tenant's events, through the wildcard create-producer printed.
  outcomes = new OutcomeListener(producer.nc, [producer.grant.outcomes]);
});
afterAll(async () => {
  await producer?.close();
  await env?.close();
});

/** Publishes the way docs/events.md tells a producer to: JetStream, on the subjects create-producer printed. */
function produce(operation: 'create' | 'update', payload: unknown, msgId?: string) {
  return producer.publish(operation, payload, msgId);
}

describe('message-bus producers (no HTTP)', () => {
  it('send a PKCS#12 bundle with its passphrase and tags, and a copy of it is stored with duplicateOf naming the first', async () => {
    const cert = await createTestCertificate({ commonName: 'pfx-bus.example.com' });
    const pkcs12 = exportPkcs12(cert, 'bus passphrase');
    const [first, copy] = [randomUUID(), randomUUID()];
    await produce('create', { requestId: first, name: 'pfx-from-the-bus', pkcs12, passphrase: 'bus passphrase', tags: { via: 'bus' } });
    const created = (await outcomes.outcomeOf('bus-tenant', first)) as CertificateStoredEvent;
    expect(created).toMatchObject({ outcome: 'created', duplicateOf: [], certificate: { tags: { via: 'bus' }, certificatePem: cert.certificatePem } });

    await produce('create', { requestId: copy, name: 'pfx-copy', certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    expect(await outcomes.outcomeOf('bus-tenant', copy)).toMatchObject({ outcome: 'created', duplicateOf: [created.certificate.id], certificate: { tags: {} } });
  });

  it('get a certificate.created outcome and a stored certificate for a valid certificate.create', async () => {
    const cert = await createTestCertificate({ keyType: 'p384', commonName: 'bus.example.com' });
    const requestId = randomUUID();
    await produce('create', {
      requestId, tenantId: 'bus-tenant', name: 'from-the-bus', certificate: cert.certificatePem, privateKey: cert.privateKeyPem,
    }, `bus-tenant|${requestId}`);

    const outcome = await outcomes.outcomeOf('bus-tenant', requestId);

    expect(outcome).toMatchObject({ outcome: 'created', operation: 'create', certificate: { name: 'from-the-bus', tenantId: 'bus-tenant' } });
    const { certificate } = outcome as CertificateStoredEvent;
    expect(JSON.stringify(certificate)).not.toContain('PRIVATE KEY');
    expect(certificate.metadata).toMatchObject({ commonName: 'bus.example.com', publicKey: { type: 'EC', size: 384, curve: 'P-384' } });
    expect(await env.db.collection('certificates').countDocuments({ _id: certificate.id } as never)).toBe(1);
  });

  it('get a certificate.updated outcome for a valid certificate.update', async () => {
    const [first, second] = [await createTestCertificate({ keyType: 'p256' }), await createTestCertificate({ keyType: 'p256', commonName: 'two.example.com' })];
    const createId = randomUUID();
    await produce('create', { requestId: createId, tenantId: 'bus-tenant', name: 'to-update', certificate: first.certificatePem, privateKey: first.privateKeyPem });
    const created = await outcomes.outcomeOf('bus-tenant', createId);
    const id = (created as CertificateStoredEvent).certificate.id;

    const updateId = randomUUID();
    await produce('update', { requestId: updateId, tenantId: 'bus-tenant', certificateId: id, name: 'to-update', certificate: second.certificatePem, privateKey: second.privateKeyPem });

    expect(await outcomes.outcomeOf('bus-tenant', updateId)).toMatchObject({ outcome: 'updated', certificate: { id, revision: 2, metadata: { commonName: 'two.example.com' } } });
  });

  it('get the same checks as HTTP: a mismatched key is certificate.rejected with KEY_MISMATCH', async () => {
    const [a, b] = [await createTestCertificate({ keyType: 'ed25519' }), await createTestCertificate({ keyType: 'p256' })];
    const requestId = randomUUID();
    await produce('create', { requestId, tenantId: 'bus-tenant', name: 'mismatch', certificate: a.certificatePem, privateKey: b.privateKeyPem });

    expect(await outcomes.outcomeOf('bus-tenant', requestId)).toMatchObject({ outcome: 'rejected', code: 'KEY_MISMATCH' });
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'bus-tenant', name: 'mismatch' })).toBe(0);
  });

  it('get certificate.rejected with INVALID_EVENT for an event that breaks the contract', async () => {
    const requestId = randomUUID();
    await produce('create', { requestId, tenantId: 'bus-tenant', name: 42 });

    expect(await outcomes.outcomeOf('bus-tenant', requestId)).toMatchObject({ outcome: 'rejected', code: 'INVALID_EVENT', message: expect.stringContaining('name') });
  });

  it('store one certificate when the same event is published twice, even past the dedupe header', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const requestId = randomUUID();
    const event = { requestId, tenantId: 'bus-tenant', name: 'twice', certificate: cert.certificatePem, privateKey: cert.privateKeyPem };
    await produce('create', event, `bus-tenant|${requestId}`);
    await produce('create', event); // no Nats-Msg-Id: JetStream cannot drop it, storage must

    await outcomes.outcomeOf('bus-tenant', requestId);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(outcomes.received.filter((o) => o.requestId === requestId).every((o) => o.outcome === 'created')).toBe(true);
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'bus-tenant', name: 'twice' })).toBe(1);
  });

  it('do not stall the consumer with a payload that is not JSON: it goes to the dead-letter subject', async () => {
    // The subscription's own timeout ends the iterator with an error if nothing arrives.
    const deadLetters = env.observer.subscribe(deadLetterSubject('parser'), { max: 1, timeout: 20_000 });
    await produce('create', '{"requestId": "oops", not json');

    let received: Msg | null = null;
    for await (const message of deadLetters) received = message;
    expect(received?.headers?.get('Certhub-Dead-Letter-Reason')).toMatch(/not UTF-8 JSON/);

    const cert = await createTestCertificate({ keyType: 'p256' });
    const requestId = randomUUID();
    await produce('create', { requestId, tenantId: 'bus-tenant', name: 'after-poison', certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    expect(await outcomes.outcomeOf('bus-tenant', requestId)).toMatchObject({ outcome: 'created' });
  });
});
