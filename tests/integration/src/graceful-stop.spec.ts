import { createTestCertificate, type ServiceName, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import type { HttpAnswer } from './support/http-client';
import { newRainbondTeam, serverCertificateBody, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/**
 * An ack wait far longer than the test may take: a message the stopping instance had received but left
 * unfinished would come back only after it, and its request would miss its first answer (15 s). Two at a
 * time, so most received messages are still waiting for a slot when the stop comes.
 */
const SLOW_TO_REDELIVER = { CONSUMER_ACK_WAIT_MS: '300000', CONSUMER_CONCURRENCY: '2' };

let env: SuiteEnvironment;
let team: RainbondTeam;
let cert: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment({ env: { parser: SLOW_TO_REDELIVER, storage: SLOW_TO_REDELIVER } });
  team = await newRainbondTeam(env);
  cert = await createTestCertificate({ keyType: 'p256' });
});
afterAll(async () => env?.close());

const REQUESTS = 60;
const bodyFor = (alias: string) => serverCertificateBody(cert, alias);

describe.each<ServiceName>(['parser', 'storage'])('SIGTERM of the %s with imports in flight', (service) => {
  it('finishes what it had received, so every request gets its first answer as 200, each stored once', async () => {
    const keys = Array.from({ length: REQUESTS }, (_, i) => ({ alias: `${service}-stop-${i}`, key: `${service}-stop-${randomUUID()}` }));
    let createdBeforeStop = -1;
    // Stopped when the first of these is stored: the others are then still in the pipeline.
    const restarted = new Promise<void>((resolve, reject) => {
      let created = 0;
      env.observer.subscribe(`certificate.events.${team.id}.created`, {
        callback: () => {
          created += 1;
          if (createdBeforeStop >= 0) return;
          createdBeforeStop = created;
          env.stack
            .stop(service)
            .then(() => env.stack.start(service))
            .then(resolve, reject);
        },
      });
    });

    const answers: HttpAnswer[] = await Promise.all(keys.map(({ alias, key }) => team.add(bodyFor(alias), { 'Idempotency-Key': key })));
    // Every request has its answer: if none was stored, the stop never came, and waiting for it would only
    // time out. Say what the answers were instead.
    if (createdBeforeStop < 0) {
      throw new Error(`no import was stored, so ${service} was never stopped; answers: ${JSON.stringify(answers.map((answer) => [answer.status, answer.body]).slice(0, 5))}`);
    }
    await restarted;

    expect(createdBeforeStop).toBeGreaterThan(0);
    expect(createdBeforeStop).toBeLessThan(REQUESTS);
    expect(answers.map((answer) => answer.status)).toEqual(keys.map(() => 200));
    const docs = await env.db.collection('certificates').find({ tenantId: team.id, createdByRequestId: { $in: keys.map(({ key }) => key) } }).toArray();
    expect(docs).toHaveLength(REQUESTS);
    keys.forEach(({ key }, i) => {
      expect(docs.filter((doc) => doc['createdByRequestId'] === key).map((doc) => doc['_id'])).toEqual([(answers[i]?.body as { id: number }).id]);
    });
  });
});
