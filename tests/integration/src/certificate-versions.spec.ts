import type { CertificateStoredEvent, CertificateVersionSummary } from '@certhub/contracts';
import { commandSubject } from '@certhub/contracts';
import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { BusProducer } from './support/bus-producer';
import { PERMISSION_VIOLATION, publishRefusal } from './support/bus-permissions';
import { certhubApi, type CerthubApi } from './support/certhub-api';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam, serverCertificateBody, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

// Three versions kept per certificate, so the bound is reached within one test.
let env: SuiteEnvironment;
let owner: RainbondTeam;
let other: RainbondTeam;
let api: CerthubApi;
let events: OutcomeListener;
beforeAll(async () => {
  env = await startSuiteEnvironment({ env: { storage: { CERTIFICATE_VERSIONS_KEPT: '3' } } });
  [owner, other] = await Promise.all([newRainbondTeam(env), newRainbondTeam(env)]);
  api = certhubApi(env, owner.id, owner.token);
  events = new OutcomeListener(env.observer);
});
afterAll(async () => env?.close());

const fingerprintOf = (cert: TestCertificate) => createHash('sha256').update(new X509Certificate(cert.certificatePem).raw).digest('hex');
const versionsOf = async (id: number) => (await api.versions(id)).body as { certificateId: number; currentVersion: number; versions: CertificateVersionSummary[] };
const sealedKeysOf = async (id: number) => {
  const doc = await env.db.collection('certificates').findOne({ _id: id } as never);
  return [doc?.['privateKey'], ...((doc?.['history'] as Array<{ privateKey: unknown }> | undefined) ?? []).map((version) => version.privateKey)];
};

describe('versions and rollback on the certhub API', () => {
  it('undoes a bad update: versions list both, a rollback makes the good one current as a new version and says so on the bus', async () => {
    const good = await createTestCertificate({ keyType: 'p256', commonName: 'shop.example.com', sans: ['shop.example.com'] });
    const bad = await createTestCertificate({ keyType: 'p256', commonName: 'wrong.example.com', sans: ['wrong.example.com'] });
    const added = await owner.add(serverCertificateBody(good, 'shop'), { 'Idempotency-Key': 'add-shop' });
    const id = (added.body as { id: number }).id;
    expect((await owner.update(id, serverCertificateBody(bad, 'shop'), { 'Idempotency-Key': 'bad-update' })).status).toBe(200);

    const before = await versionsOf(id);
    expect(before).toMatchObject({ certificateId: id, currentVersion: 2 });
    expect(before.versions).toEqual([
      expect.objectContaining({ version: 2, current: true, fingerprintSha256: fingerprintOf(bad), requestId: 'bad-update', operation: 'update', notAfter: bad.notAfter.toISOString() }),
      expect.objectContaining({ version: 1, current: false, fingerprintSha256: fingerprintOf(good), requestId: 'add-shop', operation: 'create', notBefore: expect.any(String) }),
    ]);
    expect(JSON.stringify(before)).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE|ciphertext/);

    const rolled = await api.rollback(id, { version: 1 }, 'undo-bad');
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ version: 3, restoredVersion: 1, certificate: { id, name: 'shop', revision: 3, certificatePem: good.certificatePem } });
    expect(await events.outcomeOf(owner.id, 'undo-bad')).toMatchObject({
      outcome: 'updated', operation: 'rollback', version: 3, restoredVersion: 1, certificate: { id, revision: 3, metadata: { fingerprintSha256: fingerprintOf(good) } },
    });
    expect((await api.get(id)).body).toMatchObject({ revision: 3, certificatePem: good.certificatePem, metadata: { commonName: 'shop.example.com' } });
    expect((await versionsOf(id)).versions[0]).toMatchObject({ version: 3, current: true, operation: 'rollback', restoredVersion: 1, requestId: 'undo-bad', fingerprintSha256: fingerprintOf(good) });

    // The good version's sealed key is current again; every kept key is still sealed, on disk too.
    const [current, ...history] = await sealedKeysOf(id);
    expect(current).toEqual(history.find((key) => JSON.stringify(key) === JSON.stringify(current)));
    expect(JSON.stringify(await env.db.collection('certificates').findOne({ _id: id } as never))).not.toContain('PRIVATE KEY');

    // A retry with the same Idempotency-Key is answered again and changes nothing.
    expect((await api.rollback(id, { version: 1 }, 'undo-bad')).body).toMatchObject({ version: 3, restoredVersion: 1 });
    expect((await versionsOf(id)).currentVersion).toBe(3);
    // Same key, another version: refused.
    expect((await api.rollback(id, { version: 2 }, 'undo-bad')).body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps at most CERTIFICATE_VERSIONS_KEPT versions: an older one is 404 on rollback', async () => {
    const [a, b, c, d] = await Promise.all([0, 1, 2, 3].map(() => createTestCertificate({ keyType: 'p256' })));
    const id = ((await owner.add(serverCertificateBody(a as TestCertificate, 'bounded'))).body as { id: number }).id;
    for (const cert of [b, c, d]) expect((await owner.update(id, serverCertificateBody(cert as TestCertificate, 'bounded'))).status).toBe(200);
    expect((await versionsOf(id)).versions.map((version) => version.version)).toEqual([4, 3, 2]);
    expect(await sealedKeysOf(id)).toHaveLength(3);

    const gone = await api.rollback(id, { version: 1 });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('2 to 4'), requestId: expect.any(String) });
    expect((await api.rollback(id, { version: 99 })).status).toBe(404);
    expect((await api.get(id)).body).toMatchObject({ revision: 4 });
  });

  it.each([
    [{ version: '1' }], [{ version: 0 }], [{}], [{ version: 1, name: 'x' }], ['not json'],
  ])('answers the rollback body %j with 400 INVALID_REQUEST and changes nothing', async (body) => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const id = ((await owner.add(serverCertificateBody(cert, `body-${randomUUID().slice(0, 6)}`))).body as { id: number }).id;
    const answer = await api.rollback(id, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_REQUEST', requestId: expect.any(String) });
    expect((await api.get(id)).body).toMatchObject({ revision: 1 });
  });

  it("refuses another tenant's token on every new route (403) and answers another tenant's id like a missing one (404)", async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const id = ((await owner.add(serverCertificateBody(cert, 'private'))).body as { id: number }).id;
    const intruderOnOwnerPath = certhubApi(env, owner.id, other.token);
    const intruderOnOwnPath = certhubApi(env, other.id, other.token);

    for (const answer of [await intruderOnOwnerPath.versions(id), await intruderOnOwnerPath.rollback(id, { version: 1 }), await intruderOnOwnerPath.delete(id)]) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'FORBIDDEN' });
    }
    const pairs = [
      [await intruderOnOwnPath.versions(id), await intruderOnOwnPath.versions(999_999_999)],
      [await intruderOnOwnPath.rollback(id, { version: 1 }), await intruderOnOwnPath.rollback(999_999_999, { version: 1 })],
    ] as const;
    for (const [asOther, missing] of pairs) {
      expect(asOther.status).toBe(404);
      expect(missing.status).toBe(404);
      // Nothing tells them apart but the id they name.
      expect((asOther.body as { message: string }).message.replace(String(id), 'N')).toBe((missing.body as { message: string }).message.replace('999999999', 'N'));
    }
    expect((await api.get(id)).body).toMatchObject({ revision: 1, certificatePem: cert.certificatePem });
  });
});

describe('rollback from a message-bus producer', () => {
  it("rolls back its own tenant's certificate, and the server refuses a rollback on another tenant's subject", async () => {
    const producer = await BusProducer.create(env, 'roll-tenant');
    try {
      const outcomes = new OutcomeListener(producer.nc, [producer.grant.outcomes]);
      const [first, second] = await Promise.all([createTestCertificate({ keyType: 'p256' }), createTestCertificate({ keyType: 'p256' })]);
      const createId = randomUUID();
      await producer.publish('create', { requestId: createId, name: 'bus-rolled', certificate: first.certificatePem, privateKey: first.privateKeyPem });
      const id = ((await outcomes.outcomeOf('roll-tenant', createId)) as CertificateStoredEvent).certificate.id;
      const updateId = randomUUID();
      await producer.publish('update', { requestId: updateId, certificateId: id, name: 'bus-rolled', certificate: second.certificatePem, privateKey: second.privateKeyPem });
      expect(await outcomes.outcomeOf('roll-tenant', updateId)).toMatchObject({ outcome: 'updated', version: 2 });

      const rollbackId = randomUUID();
      await producer.publish('rollback', { requestId: rollbackId, certificateId: id, version: 1 });
      expect(await outcomes.outcomeOf('roll-tenant', rollbackId)).toMatchObject({
        outcome: 'updated', operation: 'rollback', version: 3, restoredVersion: 1, certificate: { id, certificatePem: first.certificatePem },
      });

      const badId = randomUUID();
      await producer.publish('rollback', { requestId: badId, certificateId: id });
      expect(await outcomes.outcomeOf('roll-tenant', badId)).toMatchObject({ outcome: 'rejected', code: 'INVALID_EVENT', message: expect.stringContaining('version') });

      // Another tenant's certificate: its subject is refused by NATS, and naming it on our own is NOT_FOUND.
      const victimCert = await createTestCertificate({ keyType: 'p256' });
      const victimId = ((await owner.add(serverCertificateBody(victimCert, 'victim-of-rollback'))).body as { id: number }).id;
      expect(await publishRefusal(producer.nc, commandSubject('rollback', owner.id), JSON.stringify({ requestId: randomUUID(), certificateId: victimId, version: 1 }))).toMatch(PERMISSION_VIOLATION);
      const crossId = randomUUID();
      await producer.publish('rollback', { requestId: crossId, certificateId: victimId, version: 1 });
      expect(await outcomes.outcomeOf('roll-tenant', crossId)).toMatchObject({ outcome: 'rejected', code: 'NOT_FOUND' });
      expect((await api.get(victimId)).body).toMatchObject({ revision: 1 });
    } finally {
      await producer.close();
    }
  });
});
