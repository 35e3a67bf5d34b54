import { CerthubError } from '@certhub/contracts';
import { keptVersions } from '../certificates/certificate-versions';
import { validParsedEvent } from '../certificates/parsed-event.spec-support';
import type { Certificate } from '../certificates/schemas/certificate.schema';
import { useStorageDatabase } from '../storage-database.spec-support';
import { lifecycleOver } from './certificate-lifecycle.spec-support';
import { DeletedKeyPurge } from './deleted-key-purge.service';
import type { DeletedCertificate } from './schemas/deleted-certificate.schema';

describe('versions, rollback and delete (on a MongoDB-protocol server)', () => {
  const database = useStorageDatabase();
  let parts: ReturnType<typeof lifecycleOver>;
  beforeAll(() => (parts = lifecycleOver(database, { versionsKept: 3, retentionMs: 60_000 })));

  const stored = (id: number) => database.certificates.findById(id).lean<Certificate>().exec();
  const upload = (tenantId: string, name: string, requestId: string, certificateId?: number) =>
    validParsedEvent({ tenantId, name, requestId, ...(certificateId !== undefined && { certificateId }) });
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof CerthubError ? error.code : error));

  it('keeps every update as a version, each with its own sealed key, and at most CERTIFICATE_VERSIONS_KEPT in all', async () => {
    const first = await upload('team-a', 'kept', 'v-1');
    const { id } = await parts.writer.create(first);
    const fingerprints = [first.verdict.parsed.metadata.fingerprintSha256];
    for (const n of [2, 3, 4]) {
      const next = await upload('team-a', 'kept', `v-${n}`, id);
      fingerprints.push(next.verdict.parsed.metadata.fingerprintSha256);
      expect((await parts.writer.update(next, id)).revision).toBe(n);
    }
    const doc = await stored(id);
    const versions = keptVersions(doc as Certificate);
    expect(versions.map((version) => [version.version, version.requestId, version.operation])).toEqual([
      [4, 'v-4', 'update'], [3, 'v-3', 'update'], [2, 'v-2', 'update'],
    ]);
    expect(versions.map((version) => version.metadata.fingerprintSha256)).toEqual([fingerprints[3], fingerprints[2], fingerprints[1]]);
    // Still sealed, each its own envelope.
    expect(new Set(versions.map((version) => version.privateKey.ciphertext)).size).toBe(3);
    expect(JSON.stringify(doc)).not.toContain('PRIVATE KEY');
  });

  it('rolls back to a kept version as a new version, once per request id, and refuses one no longer kept', async () => {
    const first = await upload('team-a', 'rolled', 'r-1');
    const { id } = await parts.writer.create(first);
    const bad = await upload('team-a', 'rolled', 'r-2', id);
    await parts.writer.update(bad, id);

    const rolled = await parts.lifecycle.rollback('team-a', id, 1, 'r-3');
    expect(rolled).toMatchObject({ revision: 3, certificatePem: first.verdict.parsed.certificatePem, name: 'rolled' });
    const doc = (await stored(id)) as Certificate;
    expect(doc.privateKey).toEqual(first.verdict.parsed.privateKey);
    expect(doc).toMatchObject({ revisionOperation: 'rollback', restoredVersion: 1, expiryNotified: [], expiryCheckAt: new Date(0) });
    // A redelivery of the same rollback writes nothing.
    expect((await parts.lifecycle.rollback('team-a', id, 1, 'r-3')).revision).toBe(3);
    expect((await stored(id))?.revision).toBe(3);

    await parts.writer.update(await upload('team-a', 'rolled', 'r-4', id), id);
    // Three kept (4, 3, 2): version 1 is gone.
    expect(await refusal(parts.lifecycle.rollback('team-a', id, 1, 'r-5'))).toBe('NOT_FOUND');
    expect(await refusal(parts.lifecycle.rollback('team-b', id, 2, 'r-6'))).toBe('NOT_FOUND');
    expect((await stored(id))?.revision).toBe(4);
  });

  it('deletes idempotently: the name is free at once, the id is gone, and a repeat is answered the same', async () => {
    const { id } = await parts.writer.create(await upload('team-a', 'retired', 'd-1'));
    expect(await refusal(parts.lifecycle.delete('team-b', id, 'd-x'))).toBe('NOT_FOUND');
    const first = await parts.lifecycle.delete('team-a', id, 'd-2', new Date('2030-01-01T00:00:00Z'));
    expect(first).toEqual({ certificateId: id, name: 'retired', deletedAt: new Date('2030-01-01T00:00:00Z') });
    expect(await stored(id)).toBeNull();
    expect(await parts.lifecycle.delete('team-a', id, 'd-3')).toEqual(first);
    expect(await refusal(parts.lifecycle.delete('team-b', id, 'd-4'))).toBe('NOT_FOUND');
    expect(await refusal(parts.writer.update(await upload('team-a', 'retired', 'd-5', id), id))).toBe('NOT_FOUND');
    expect(await refusal(parts.lifecycle.rollback('team-a', id, 1, 'd-6'))).toBe('NOT_FOUND');
    // The name is free again.
    expect((await parts.writer.create(await upload('team-a', 'retired', 'd-7'))).id).not.toBe(id);
  });

  it('destroys the sealed keys of a deleted certificate once its retention has passed, and not before', async () => {
    const { id } = await parts.writer.create(await upload('team-a', 'purged', 'p-1'));
    await parts.writer.update(await upload('team-a', 'purged', 'p-2', id), id);
    const deletedAt = new Date();
    await parts.lifecycle.delete('team-a', id, 'p-3', deletedAt);
    const tombstone = () => database.deletedCertificates.findById(id).lean<DeletedCertificate>().exec();
    expect((await tombstone())?.certificate?.privateKey).toBeDefined();

    const purge = new DeletedKeyPurge(parts.config, database.deletedCertificates);
    await purge.purge(new Date(deletedAt.getTime() + 59_000));
    expect((await tombstone())?.certificate?.history).toHaveLength(1);
    await purge.purge(new Date(deletedAt.getTime() + 60_000));
    const destroyed = await tombstone();
    expect(destroyed).toMatchObject({ _id: id, tenantId: 'team-a', name: 'purged', keysDestroyedAt: expect.any(Date) });
    expect(JSON.stringify(destroyed)).not.toMatch(/wrappedDataKey|ciphertext|certificatePem/);
    // Still deleted, still answered the same.
    expect(await parts.lifecycle.delete('team-a', id, 'p-4')).toMatchObject({ certificateId: id, name: 'purged' });
  });

  it('keeps one linear history under concurrent updates: every version once, none lost', async () => {
    const wide = lifecycleOver(database, { versionsKept: 10, retentionMs: 60_000 });
    const { id } = await wide.writer.create(await upload('team-a', 'raced', 'c-0'));
    const updates = await Promise.all([1, 2, 3, 4, 5].map((n) => upload('team-a', 'raced', `c-${n}`, id)));
    await Promise.all(updates.map((update) => wide.writer.update(update, id)));
    const doc = (await stored(id)) as Certificate;
    expect(doc.revision).toBe(6);
    expect(keptVersions(doc).map((version) => version.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(new Set(keptVersions(doc).map((version) => version.requestId)).size).toBe(6);
  });

  it('finishes a delete that stopped between keeping the tombstone and removing the certificate, with its first moment', async () => {
    const { id } = await parts.writer.create(await upload('team-a', 'half-deleted', 'h-1'));
    const firstAttempt = new Date('2030-02-02T00:00:00Z');
    // What a crash right after the tombstone write leaves behind.
    await database.deletedCertificates.create({ _id: id, tenantId: 'team-a', name: 'half-deleted', deletedAt: firstAttempt, deletedByRequestId: 'h-2' });
    expect(await parts.lifecycle.delete('team-a', id, 'h-2')).toEqual({ certificateId: id, name: 'half-deleted', deletedAt: firstAttempt });
    expect(await stored(id)).toBeNull();
    expect((await database.deletedCertificates.findById(id).lean<DeletedCertificate>().exec())?.certificate?.privateKey).toBeDefined();
  });
});
