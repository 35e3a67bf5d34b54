import { createTestCertificate, eventually, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { BusProducer } from './support/bus-producer';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam, serverCertificateBody } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/** Issue "Defects found from outside", items 1-3: request ids that collide, race or come back. */
let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

const body = serverCertificateBody;

describe('Idempotency-Keys', () => {
  it('of two tenants never collide, whatever characters the tenant and the key contain', async () => {
    const [ta, tax] = [await newRainbondTeam(env, 'ta'), await newRainbondTeam(env, 'ta:x')];
    const cert = await createTestCertificate({ keyType: 'p256' });
    expect((await ta.add(body(cert, 'first'), { 'Idempotency-Key': 'x:K' })).status).toBe(200);
    const second = await tax.add(body(cert, 'second'), { 'Idempotency-Key': 'K' });
    expect(second.status).toBe(200);
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'ta:x' })).toBe(1);
  });

  it('reused concurrently with different bodies give exactly one 200 and one 409, and store only the first', async () => {
    const team = await newRainbondTeam(env);
    for (let round = 0; round < 5; round += 1) {
      const [a, b] = [await createTestCertificate({ keyType: 'p256' }), await createTestCertificate({ keyType: 'p256' })];
      const key = `race-${round}-${randomUUID()}`;
      const answers = await Promise.all([team.add(body(a, `a-${round}`), { 'Idempotency-Key': key }), team.add(body(b, `b-${round}`), { 'Idempotency-Key': key })]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers.find((answer) => answer.status === 200)?.body as { alias: string };
      const names = (await env.db.collection('certificates').find({ tenantId: team.id, name: { $in: [`a-${round}`, `b-${round}`] } }).toArray()).map((doc) => doc['name']);
      expect(names).toEqual([winner.alias]);
    }
  });

  it('reused with the same body answer the first result again', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType: 'p256' });
    const key = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => team.add(body(cert, 'same'), { 'Idempotency-Key': key })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => (answer.body as { id: number }).id)).size).toBe(1);
  });
});

describe('a bus producer reusing a request id inside the duplicate window', () => {
  it('gets the first outcome again for the same content, and IDEMPOTENCY_KEY_REUSED for other content', async () => {
    const producer = await BusProducer.create(env, 'reuser');
    const outcomes = new OutcomeListener(producer.nc, [producer.grant.outcomes]);
    const [a, b] = [await createTestCertificate({ keyType: 'p256' }), await createTestCertificate({ keyType: 'p256' })];
    const requestId = randomUUID();
    const command = (cert: TestCertificate) => ({ requestId, name: 'reused', certificate: cert.certificatePem, privateKey: cert.privateKeyPem });

    await producer.publish('create', command(a));
    const first = await outcomes.outcomeOf('reuser', requestId);
    expect(first).toMatchObject({ outcome: 'created' });

    const seen = () => outcomes.received.filter((outcome) => outcome.requestId === requestId);
    await producer.publish('create', command(a));
    await until(() => seen().length === 2);
    expect(seen()[1]).toEqual(first);

    await producer.publish('create', command(b));
    await until(() => seen().length === 3);
    expect(seen()[2]).toMatchObject({ outcome: 'rejected', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(seen()[2]?.contentHash).not.toBe(first.contentHash);
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'reuser' })).toBe(1);
    await producer.close();
  });
});

function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  return eventually(check, { timeoutMs, intervalMs: 50 });
}
