import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import type { HttpAnswer } from './support/http-client';
import { expectRainbondError } from './support/rainbond-assertions';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let team: RainbondTeam;
let cert: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  team = await newRainbondTeam(env);
  cert = await createTestCertificate({ keyType: 'p256' });
});
afterAll(async () => env?.close());

const bodyFor = (alias: string) => ({ alias, private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'server' });
const stored = (alias: string) => env.db.collection('certificates').countDocuments({ tenantId: team.id, name: alias });

async function eventually(attempt: () => Promise<HttpAnswer>, accept: (answer: HttpAnswer) => boolean, timeoutMs = 60_000): Promise<HttpAnswer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await attempt();
    if (accept(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`still ${answer.status} ${answer.text} after ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('faults', () => {
  it('answers 503 while the database is unreachable, stores nothing for it, and recovers without a restart', async () => {
    await env.stopMongo();
    let attempt = 0;
    const refused = await eventually(
      () => team.add(bodyFor(`during-outage-${(attempt += 1)}`)),
      // Refused outright (credentials or the store cannot be checked), not "accepted, answer pending".
      (answer) => answer.status === 503 && !answer.text.includes('accepted but not processed'),
    );
    expectRainbondError(refused, 503, 'service unavailable');

    await env.startMongo();
    const recovered = await eventually(() => team.add(bodyFor('after-outage')), (answer) => answer.status === 200);

    expect(recovered.body).toMatchObject({ alias: 'after-outage', id: expect.any(Number) });
    expect(await stored(`during-outage-${attempt}`)).toBe(0);
  });

  it('loses no accepted request across a NATS restart: a retry with the same Idempotency-Key gets the stored result', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => ({ alias: `nats-restart-${i}`, key: `nats-restart-${randomUUID()}` }));
    const first = Promise.all(keys.map(({ alias, key }) => team.add(bodyFor(alias), { 'Idempotency-Key': key })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await env.nats.restart();
    await first;

    // Whatever the first answers were, retrying each request with its key converges on one stored certificate.
    const settled = await Promise.all(
      keys.map(({ alias, key }) => eventually(() => team.add(bodyFor(alias), { 'Idempotency-Key': key }), (answer) => answer.status === 200)),
    );
    expect(new Set(settled.map((answer) => (answer.body as { id: number }).id)).size).toBe(keys.length);
    for (const { alias } of keys) expect(await stored(alias)).toBe(1);
  });
});
