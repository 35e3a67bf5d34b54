import { EventKinds, eventSubjectOfAllTenants, Subjects } from '@certhub/contracts';
import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringCodec, type Subscription } from 'nats';
import { BusProducer } from './support/bus-producer';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let logDir: string;
let logFile: string;
const keys: string[] = [];
const seenOnBus: string[] = [];
const subscriptions: Subscription[] = [];

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'certhub-logs-'));
  logFile = join(logDir, 'services.log');
  // Debug level: the most any service ever logs.
  const debug = { LOG_LEVEL: 'debug' };
  env = await startSuiteEnvironment({ logFile, env: { gateway: debug, parser: debug, storage: debug } });
  // Everything past the parser: the hand-over, the outcomes and the dead letters.
  for (const subject of [Subjects.pipelineParsed, ...EventKinds.map(eventSubjectOfAllTenants), `${Subjects.deadLetterPrefix}.>`]) {
    subscriptions.push(env.inspector.subscribe(subject, { callback: (_error, message) => seenOnBus.push(StringCodec().decode(message.data)) }));
  }
});
afterAll(async () => {
  await env?.close();
  rmSync(logDir, { recursive: true, force: true });
});

/** The base64 body of a PEM key, the part that would leak if any layer printed or forwarded it. */
function keyMaterial(pem: string): string {
  return pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('').slice(0, 48);
}

async function certificate(keyType: 'rsa2048' | 'p256' | 'ed25519'): Promise<TestCertificate> {
  const created = await createTestCertificate({ keyType });
  keys.push(keyMaterial(created.privateKeyPem));
  return created;
}

describe('private keys stay secret', () => {
  it('never appear in any service log, nor on the bus past the parser, whatever the outcome', async () => {
    const team = await newRainbondTeam(env);
    const [rsa, ec, ed] = [await certificate('rsa2048'), await certificate('p256'), await certificate('ed25519')];
    const outcomes = new OutcomeListener(env.observer);
    const producer = await BusProducer.create(env, 'leaky');

    // Success, a rejection and a conflict through HTTP.
    expect((await team.add({ alias: 'ok', private_key: rsa.privateKeyPem, certificate: rsa.certificatePem, certificate_type: 's' })).status).toBe(200);
    expect((await team.add({ alias: 'mismatch', private_key: ec.privateKeyPem, certificate: ed.certificatePem, certificate_type: 's' })).status).toBe(400);
    expect((await team.add({ alias: 'ok', private_key: ed.privateKeyPem, certificate: ed.certificatePem, certificate_type: 's' })).status).toBe(412);
    // A bus producer's event that breaks the contract, and one that is not JSON at all, both carrying a key.
    const requestId = randomUUID();
    await producer.publish('create', { requestId, tenantId: 'leaky', name: 7, privateKey: ec.privateKeyPem });
    await producer.publish('create', `not json ${ed.privateKeyPem}`);
    await producer.close();
    await outcomes.outcomeOf('leaky', requestId);
    await waitFor(() => seenOnBus.some((payload) => payload.includes('not json')));

    const logs = readFileSync(logFile, 'utf8');
    expect(logs.length).toBeGreaterThan(1_000);
    expect(logs).not.toContain('PRIVATE KEY');
    for (const key of keys) expect(logs).not.toContain(key);
    expect(seenOnBus.length).toBeGreaterThan(3);
    for (const payload of seenOnBus) {
      expect(payload).not.toContain('PRIVATE KEY-----\n');
      for (const key of keys) expect(payload).not.toContain(key);
    }
    expect(seenOnBus.some((payload) => payload.includes('[private key redacted]'))).toBe(true);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
