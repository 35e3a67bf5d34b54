import { GATEWAY_OUTCOMES_PREFIX, type CertificateOutcomeEvent } from '@certhub/contracts';
import { createTestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { JSONCodec, type NatsConnection } from 'nats';
import { BusProducer } from './support/bus-producer';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam, serverCertificateBody } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let listener: NatsConnection;
/** Every outcome sent to any gateway instance, with the subject it was sent to. */
const sent: Array<{ subject: string; outcome: CertificateOutcomeEvent }> = [];
beforeAll(async () => {
  env = await startSuiteEnvironment();
  // Under the gateway's own identity, as a second gateway instance could: what storage sends to instances.
  listener = await env.connectAs('gateway');
  const json = JSONCodec<CertificateOutcomeEvent>();
  listener.subscribe(`${GATEWAY_OUTCOMES_PREFIX}.*`, { callback: (_error, msg) => void sent.push({ subject: msg.subject, outcome: json.decode(msg.data) }) });
  await listener.flush();
});
afterAll(async () => {
  await listener?.drain();
  await env?.close();
});

const sentFor = (requestId: string) => sent.filter((one) => one.outcome.requestId === requestId);

describe('outcomes reach the gateway instance that asked, and no other', () => {
  it('sends the outcome of an HTTP import to exactly one instance subject: the gateway that published it', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType: 'p256' });
    const requestId = `scoped-${randomUUID()}`;
    const answer = await team.add(serverCertificateBody(cert, 'scoped'), { 'Idempotency-Key': requestId });
    expect(answer.status).toBe(200);
    // The copy reached the gateway before it answered, but this second connection may not have read it yet:
    // a flush returns after everything the server routed to it before the PING has arrived.
    await listener.flush();
    const copies = sentFor(requestId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.outcome).toMatchObject({ outcome: 'created', tenantId: team.id });
    expect(copies[0]?.subject).toMatch(/^_INBOX\.gateway\.outcomes\.[0-9a-f]{24}$/);
  });

  it('sends a producer’s outcome to no gateway: only the tenant’s event stream has it', async () => {
    const producer = await BusProducer.create(env, 'scoped-bus');
    try {
      const events = new OutcomeListener(producer.nc, [producer.grant.outcomes]);
      const cert = await createTestCertificate({ keyType: 'p256' });
      const requestId = randomUUID();
      await producer.publish('create', { requestId, name: 'bus-only', certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
      expect(await events.outcomeOf('scoped-bus', requestId)).toMatchObject({ outcome: 'created' });
      await listener.flush();
      expect(sentFor(requestId)).toEqual([]);
    } finally {
      await producer.close();
    }
  });
});
