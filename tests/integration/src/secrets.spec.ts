import { EventKinds, eventSubjectOfAllTenants, Subjects } from '@certhub/contracts';
import { createTestCertificate, encryptLegacyPrivateKeyPem, exportPkcs12, type TestCertificate } from '@certhub/testing';
import { EJSON } from 'bson';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringCodec } from 'nats';
import { BusProducer } from './support/bus-producer';
import { send } from './support/http-client';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam } from './support/rainbond-team';
import { kekNeedles, leaksIn, privateKeyNeedles, type SecretNeedle } from './support/secret-material';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/**
 * "No key material in any log at LOG_LEVEL=debug": every service at debug level (and shown to log at that
 * level), and every place a key could end up searched for every encoding of it (support/secret-material.ts,
 * whose own spec shows each encoding is found). How this test was shown to fail: docs/testing.md.
 */
let env: SuiteEnvironment;
let logDir: string;
let logFile: string;
const needles: SecretNeedle[] = [];
const seenOnBus: Array<{ subject: string; payload: string }> = [];

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'certhub-logs-'));
  logFile = join(logDir, 'services.log');
  const debug = { LOG_LEVEL: 'debug' };
  env = await startSuiteEnvironment({ logFile, env: { gateway: debug, parser: debug, storage: debug } });
  // Everything past the parser: the hand-over, the outcomes and the dead letters.
  for (const subject of [Subjects.pipelineParsed, ...EventKinds.map(eventSubjectOfAllTenants), `${Subjects.deadLetterPrefix}.>`]) {
    env.inspector.subscribe(subject, { callback: (_error, message) => seenOnBus.push({ subject: message.subject, payload: StringCodec().decode(message.data) }) });
  }
  needles.push(...kekNeedles(env.stack.keks));
});
afterAll(async () => {
  await env?.close();
  rmSync(logDir, { recursive: true, force: true });
});

async function certificate(keyType: 'rsa2048' | 'p256' | 'ed25519'): Promise<TestCertificate> {
  const created = await createTestCertificate({ keyType });
  needles.push(...privateKeyNeedles(created.privateKeyPem, keyType));
  return created;
}

/** Every document of every collection of the service's database, as extended JSON (binaries as base64). */
async function storedDocuments(): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await env.db.listCollections().toArray()) {
    for (const doc of await env.db.collection(name).find({}).toArray()) found.push(`${name}: ${EJSON.stringify(doc, { relaxed: false })}`);
  }
  return found;
}

describe('private keys and key-encryption keys stay secret', () => {
  it('appear in no service log at debug level, nowhere on the bus past the parser and in no stored document, whatever the outcome', async () => {
    const team = await newRainbondTeam(env);
    const [rsa, ec, ed] = [await certificate('rsa2048'), await certificate('p256'), await certificate('ed25519')];
    const outcomes = new OutcomeListener(env.observer);
    const producer = await BusProducer.create(env, 'leaky');

    // Success, a rejection and a conflict through HTTP.
    expect((await team.add({ alias: 'ok', private_key: rsa.privateKeyPem, certificate: rsa.certificatePem, certificate_type: 's' })).status).toBe(200);
    expect((await team.add({ alias: 'mismatch', private_key: ec.privateKeyPem, certificate: ed.certificatePem, certificate_type: 's' })).status).toBe(400);
    expect((await team.add({ alias: 'ok', private_key: ed.privateKeyPem, certificate: ed.certificatePem, certificate_type: 's' })).status).toBe(412);
    // The certhub API: an encrypted key and a PKCS#12 bundle with their passphrase, a wrong one, a dry run.
    const passphrase = `passphrase-${randomUUID()}`;
    needles.push({ label: 'passphrase', text: passphrase, anyCase: false });
    const [legacy, bundled] = [await certificate('rsa2048'), await certificate('p256')];
    const native = (path: string, body: unknown) => send('POST', `${env.stack.gatewayUrl}/certhub/v1/tenants/${team.id}/certificates${path}`, body, { Authorization: team.token });
    const pkcs12 = exportPkcs12(bundled, passphrase);
    expect((await native('', { name: 'encrypted', certificate: legacy.certificatePem, privateKey: encryptLegacyPrivateKeyPem(legacy.privateKeyPem, passphrase), passphrase })).status).toBe(201);
    expect((await native('', { name: 'bundle', pkcs12, passphrase })).status).toBe(201);
    expect((await native('', { name: 'bundle-wrong', pkcs12, passphrase: `${passphrase}-wrong` })).status).toBe(400);
    expect((await native('/validate', { pkcs12, passphrase })).status).toBe(200);
    // A bus producer's event that breaks the contract, and one that is not JSON at all, both carrying a key;
    // and one with a bundle and its passphrase but no request id (dead-lettered).
    await producer.publish('create', { name: 'no-id', pkcs12, passphrase });
    const requestId = randomUUID();
    await producer.publish('create', { requestId, tenantId: 'leaky', name: 7, privateKey: ec.privateKeyPem });
    await producer.publish('create', `not json ${ed.privateKeyPem}`);
    await producer.close();
    await outcomes.outcomeOf('leaky', requestId);
    await waitFor(() => seenOnBus.some(({ payload }) => payload.includes('not json')));
    await waitFor(() => seenOnBus.some(({ payload }) => payload.includes('"passphrase":"[redacted]"')));

    const logs = readFileSync(logFile, 'utf8');
    // Debug level is really on: each service wrote debug lines (the gateway one per request, the parser one
    // per command, storage one per expiry scan), so "at debug" covers the most any service logs.
    for (const service of ['gateway', 'parser', 'storage']) {
      expect({ service, debugLines: logs.split('\n').filter((line) => line.startsWith(`[${service}] `) && line.includes('"level":"debug"')).length > 0 })
        .toEqual({ service, debugLines: true });
    }
    expect(seenOnBus.some(({ subject }) => subject === Subjects.pipelineParsed)).toBe(true);
    expect(seenOnBus.some(({ subject }) => subject.startsWith(Subjects.deadLetterPrefix))).toBe(true);
    expect(seenOnBus.some(({ payload }) => payload.includes('[private key redacted]'))).toBe(true);
    const documents = await storedDocuments();
    expect(documents.some((doc) => doc.startsWith('certificates: '))).toBe(true);

    const places = [
      { where: 'service logs', text: logs },
      ...seenOnBus.map(({ subject, payload }) => ({ where: `bus ${subject}`, text: payload })),
      ...documents.map((doc) => ({ where: `database ${doc.slice(0, doc.indexOf(':'))}`, text: doc })),
    ];
    const leaks = places.flatMap(({ where, text }) => leaksIn(text, needles).map((label) => `${label} in ${where}`));
    expect(leaks).toEqual([]);
    expect(logs).not.toContain('PRIVATE KEY');
  });
});

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
