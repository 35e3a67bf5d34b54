import type { CertificateDeletedEvent, CertificateStoredEvent } from '@certhub/contracts';
import { commandSubject } from '@certhub/contracts';
import { createTestCertificate, eventually } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { BusProducer } from './support/bus-producer';
import { PERMISSION_VIOLATION, publishRefusal } from './support/bus-permissions';
import { certhubApi, type CerthubApi } from './support/certhub-api';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam, serverCertificateBody, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

const DAY_MS = 86_400_000;
const RETENTION_MS = 3_000;

let env: SuiteEnvironment;
let owner: RainbondTeam;
let other: RainbondTeam;
let api: CerthubApi;
let events: OutcomeListener;
beforeAll(async () => {
  // Keys of deleted certificates kept 3 s; expiry metrics refreshed every second.
  env = await startSuiteEnvironment({ env: { storage: { DELETED_KEY_RETENTION_MS: String(RETENTION_MS), EXPIRY_SCAN_INTERVAL_MS: '1000' } } });
  [owner, other] = await Promise.all([newRainbondTeam(env), newRainbondTeam(env)]);
  api = certhubApi(env, owner.id, owner.token);
  events = new OutcomeListener(env.observer);
});
afterAll(async () => env?.close());

const idOf = (answer: { body: unknown }) => (answer.body as { id: number }).id;
const tombstoneOf = (id: number) => env.db.collection('deleted_certificates').findOne({ _id: id } as never);
const scrapeStorage = async () => (await fetch(`${env.stack.healthUrl('storage')}/metrics`)).text();

describe('DELETE /certhub/v1/tenants/{tenant_id}/certificates/{id}', () => {
  it('retires a certificate everywhere at once, says so on the bus, is idempotent, and frees the name for a new one', async () => {
    const cert = await createTestCertificate({ keyType: 'p256', commonName: 'retired.example.com', sans: ['retired.example.com'] });
    const id = idOf(await owner.add(serverCertificateBody(cert, 'retired')));

    const first = await api.delete(id, 'delete-retired');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id, name: 'retired', deletedAt: expect.any(String) });
    expect(await events.outcomeOf(owner.id, 'delete-retired')).toMatchObject({ outcome: 'deleted', operation: 'delete', certificateId: id, name: 'retired' });

    expect((await api.get(id)).status).toBe(404);
    expect((await api.versions(id)).status).toBe(404);
    expect((await api.rollback(id, { version: 1 })).status).toBe(404);
    const listed = (await api.list('hostname=retired.example.com')).body as { certificates: unknown[] };
    expect(listed.certificates).toEqual([]);
    // Rainbond's own not-found for an update of the deleted id.
    const update = await owner.update(id, serverCertificateBody(cert, 'retired'));
    expect(update.status).toBe(404);
    expect(update.body).toMatchObject({ msg: expect.stringContaining('certificate not found') });

    // Again, with another request id: the same answer, and the event again.
    const again = await api.delete(id, 'delete-retired-again');
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(await events.outcomeOf(owner.id, 'delete-retired-again')).toMatchObject({ outcome: 'deleted', certificateId: id, deletedAt: (first.body as { deletedAt: string }).deletedAt });

    // The name is free: the same name is created again, under a new id.
    const recreated = await owner.add(serverCertificateBody(cert, 'retired'));
    expect(recreated.status).toBe(200);
    expect(idOf(recreated)).not.toBe(id);
    expect((await api.get(idOf(recreated))).body).toMatchObject({ name: 'retired', revision: 1 });
    expect((await api.get(id)).status).toBe(404);
  });

  it('destroys the sealed keys of every version after DELETED_KEY_RETENTION_MS, never having held them in clear', async () => {
    const [a, b] = await Promise.all([createTestCertificate({ keyType: 'p256' }), createTestCertificate({ keyType: 'p256' })]);
    const id = idOf(await owner.add(serverCertificateBody(a, 'purged')));
    expect((await owner.update(id, serverCertificateBody(b, 'purged'))).status).toBe(200);
    expect((await api.delete(id)).status).toBe(200);

    const kept = await tombstoneOf(id);
    expect(kept?.['certificate']).toMatchObject({ privateKey: { ciphertext: expect.any(String) }, history: [{ privateKey: { ciphertext: expect.any(String) } }] });
    expect(JSON.stringify(kept)).not.toContain('PRIVATE KEY');

    await eventually(async () => !!(await tombstoneOf(id))?.['keysDestroyedAt'], { timeoutMs: RETENTION_MS + 10_000, intervalMs: 250 });
    const destroyed = await tombstoneOf(id);
    expect(destroyed).toMatchObject({ _id: id, tenantId: owner.id, name: 'purged' });
    expect(JSON.stringify(destroyed)).not.toMatch(/ciphertext|wrappedDataKey|certificatePem/);
    expect((await api.delete(id)).status).toBe(200);
  });

  it('drops a deleted certificate from the expiry gauge', async () => {
    const soon = await createTestCertificate({ keyType: 'p256', notAfter: new Date(Date.now() + 5 * DAY_MS) });
    const id = idOf(await owner.add(serverCertificateBody(soon, 'expiring-then-deleted')));
    const series = `certificate_id="${id}"`;
    await eventually(async () => (await scrapeStorage()).includes(series), { timeoutMs: 15_000, intervalMs: 250 });
    expect((await api.delete(id)).status).toBe(200);
    await eventually(async () => !(await scrapeStorage()).includes(series), { timeoutMs: 15_000, intervalMs: 250 });
  });

  it("answers an id the tenant never had 404, refuses another tenant's token 403, and never deletes across tenants", async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const id = idOf(await owner.add(serverCertificateBody(cert, 'kept-safe')));
    const missing = await api.delete(999_999_999);
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', requestId: expect.any(String) } });
    expect((await api.delete('abc')).status).toBe(400);

    expect((await certhubApi(env, owner.id, other.token).delete(id)).status).toBe(403);
    const asOther = await certhubApi(env, other.id, other.token).delete(id);
    const otherMissing = await certhubApi(env, other.id, other.token).delete(999_999_999);
    expect(asOther.status).toBe(404);
    expect((asOther.body as { message: string }).message.replace(String(id), 'N')).toBe((otherMissing.body as { message: string }).message.replace('999999999', 'N'));
    expect((await api.get(id)).status).toBe(200);
  });
});

describe('delete from a message-bus producer', () => {
  it("deletes its own tenant's certificate; another tenant's subject is refused by NATS and its id is NOT_FOUND", async () => {
    const producer = await BusProducer.create(env, 'delete-tenant');
    try {
      const outcomes = new OutcomeListener(producer.nc, [producer.grant.outcomes]);
      const cert = await createTestCertificate({ keyType: 'p256' });
      const createId = randomUUID();
      await producer.publish('create', { requestId: createId, name: 'bus-deleted', certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
      const id = ((await outcomes.outcomeOf('delete-tenant', createId)) as CertificateStoredEvent).certificate.id;

      const deleteId = randomUUID();
      await producer.publish('delete', { requestId: deleteId, certificateId: id });
      expect(await outcomes.outcomeOf('delete-tenant', deleteId)).toMatchObject({ outcome: 'deleted', certificateId: id, name: 'bus-deleted' } satisfies Partial<CertificateDeletedEvent>);
      expect(await env.db.collection('certificates').countDocuments({ _id: id } as never)).toBe(0);

      const victim = idOf(await owner.add(serverCertificateBody(await createTestCertificate({ keyType: 'p256' }), 'victim-of-delete')));
      expect(await publishRefusal(producer.nc, commandSubject('delete', owner.id), JSON.stringify({ requestId: randomUUID(), certificateId: victim }))).toMatch(PERMISSION_VIOLATION);
      const crossId = randomUUID();
      await producer.publish('delete', { requestId: crossId, certificateId: victim });
      expect(await outcomes.outcomeOf('delete-tenant', crossId)).toMatchObject({ outcome: 'rejected', code: 'NOT_FOUND' });
      expect((await api.get(victim)).status).toBe(200);
    } finally {
      await producer.close();
    }
  });
});
