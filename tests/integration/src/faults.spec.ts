import { commandSubject } from '@certhub/contracts';
import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import type { HttpAnswer } from './support/http-client';
import { expectRainbondError } from './support/rainbond-assertions';
import { newRainbondTeam, serverCertificateBody, type RainbondTeam } from './support/rainbond-team';
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

const bodyFor = (alias: string) => serverCertificateBody(cert, alias);
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

  it('loses and doubles no request when NATS is killed -9 with requests in flight: retries with the same Idempotency-Key converge', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => ({ alias: `nats-crash-${i}`, key: `nats-crash-${randomUUID()}` }));
    const firstAnswers: Array<HttpAnswer | undefined> = [];
    let answeredAtCrash = -1;
    let crashedAt = 0;
    // The crash is set off once half of the commands reached the bus: the other half are then still in the
    // gateway, so whatever the pipeline's speed, some certificates can only be stored after it (the first stored
    // event was the trigger before, and a fast pipeline could store all 40 in one batch before that event).
    const crashed = new Promise<void>((resolve, reject) => {
      let seen = 0;
      const subscription = env.inspector.subscribe(commandSubject('create', team.id), {
        max: keys.length / 2,
        callback: () => {
          seen += 1;
          if (seen < keys.length / 2) return;
          answeredAtCrash = firstAnswers.filter(Boolean).length;
          crashedAt = Date.now();
          env.nats.crashAndRestart().then(resolve, reject);
        },
      });
      void subscription;
    });
    const first = Promise.all(
      keys.map(({ alias, key }, i) => team.add(bodyFor(alias), { 'Idempotency-Key': key }).then((answer) => (firstAnswers[i] = answer))),
    );
    await crashed;
    await first;

    // The crash landed with requests unanswered and certificates not yet stored.
    expect(answeredAtCrash).toBeGreaterThanOrEqual(0);
    expect(answeredAtCrash).toBeLessThan(keys.length);

    // Retrying each request with its key converges on one stored certificate: any final answer but 503 ends
    // the retries, so a doubled request (412, name taken) fails the assertion below instead of retrying.
    const settled = await Promise.all(
      keys.map(({ alias, key }) => eventually(() => team.add(bodyFor(alias), { 'Idempotency-Key': key }), (answer) => answer.status !== 503)),
    );
    expect(settled.map((answer) => answer.status)).toEqual(keys.map(() => 200));
    const ids = settled.map((answer) => (answer.body as { id: number }).id);
    expect(new Set(ids).size).toBe(keys.length);
    const docs = await env.db.collection('certificates').find({ tenantId: team.id, createdByRequestId: { $in: keys.map(({ key }) => key) } }).toArray();
    // Exactly one document per request, holding the id the retry answered.
    expect(docs).toHaveLength(keys.length);
    keys.forEach(({ alias, key }, i) => {
      expect(docs.filter((doc) => doc['createdByRequestId'] === key).map((doc) => [doc['name'], doc['_id']])).toEqual([[alias, ids[i]]]);
    });
    // A first answer of 200 was not lost: the certificate it named is the one stored.
    keys.forEach((_, i) => {
      const answer = firstAnswers[i];
      if (answer?.status === 200) expect((answer.body as { id: number }).id).toBe(ids[i]);
      else expect(answer?.status).toBe(503);
    });
    // And the crash hit the pipeline: some of these were stored only after it.
    expect(docs.filter((doc) => (doc['createdAt'] as Date).getTime() > crashedAt).length).toBeGreaterThan(0);
  });
});
