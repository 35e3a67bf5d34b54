import { createTestCertificate } from '@certhub/testing';
import { newRainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/** Issue "Defects found from outside", item 7: SIGTERM while clients keep their sockets busy. */
let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

describe('the gateway stopping under keep-alive load', () => {
  it('finishes in-flight requests with their outcomes, closes busy sockets and exits well before the outcome timeout', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType: 'p256' });
    let stop = false;
    const slow: number[] = [];
    const statuses: number[] = [];
    // Four clients on keep-alive sockets (fetch keeps them), each sending one request after another.
    const clients = Array.from({ length: 4 }, async (_, client) => {
      for (let i = 0; !stop && i < 500; i += 1) {
        const started = Date.now();
        const answer = await team
          .add({ alias: `c${client}-${i}`, certificate: cert.certificatePem, private_key: cert.privateKeyPem, certificate_type: 'server' })
          .catch(() => null);
        const took = Date.now() - started;
        if (took > 5_000) slow.push(took);
        if (answer) statuses.push(answer.status);
        else break; // the socket was closed: a real client would reconnect to another instance
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const stopping = Date.now();
    await env.stack.stop('gateway');
    const tookToStop = Date.now() - stopping;
    stop = true;
    await Promise.all(clients);

    // The outcome timeout is 15 s: an in-flight request that lost its outcome subscription would take that.
    expect(tookToStop).toBeLessThan(10_000);
    expect(slow).toEqual([]);
    expect(statuses.length).toBeGreaterThan(4);
    expect(statuses.every((status) => status === 200)).toBe(true);
    await env.stack.start('gateway');
  }, 60_000);
});
