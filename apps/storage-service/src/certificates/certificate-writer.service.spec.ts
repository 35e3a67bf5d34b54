import { CerthubError, DUPLICATE_IDS_LISTED } from '@certhub/contracts';
import { scmIdOf } from './certificate-record.mapper';
import { CertificateWriter } from './certificate-writer.service';
import { IdAllocator } from './id-allocator.service';
import { validParsedEvent } from './parsed-event.spec-support';
import { APPLIED_REQUEST_IDS_KEPT, EXPIRY_CHECK_ON_NEXT_SCAN, type Certificate } from './schemas/certificate.schema';
import type { Counter } from './schemas/counter.schema';
import { useStorageDatabase } from '../storage-database.spec-support';

describe('CertificateWriter (on a MongoDB-protocol server)', () => {
  const database = useStorageDatabase();
  let writer: CertificateWriter;
  // The unique (tenant, name) and uid indexes are what the writer's guarantees rest on.
  beforeAll(() => (writer = new CertificateWriter(database.certificates, new IdAllocator(database.counters))));

  const stored = (id: number) => database.certificates.findById(id).lean<Certificate>().exec();
  const countNamed = (tenantId: string, name: string) => database.certificates.countDocuments({ tenantId, name }).exec();
  const lastId = async () => (await database.counters.findById('certificates').lean<Counter>().exec())?.seq;

  describe('create', () => {
    it('stores the verdict as a certificate at revision 1, announced to the expiry watch on its next scan', async () => {
      const event = await validParsedEvent({
        requestId: 'create-1', tenantId: 'team-a', name: 'shop', labels: { env: 'prod' }, hostnames: ['Shop.Example.COM', 'www.shop.example.com'],
      });
      const { parsed } = event.verdict;
      const record = await writer.create(event);

      expect(record).toEqual({
        id: record.id,
        uid: expect.stringMatching(/^[0-9a-f]{32}$/),
        scmId: scmIdOf(record.id),
        tenantId: 'team-a',
        name: 'shop',
        labels: { env: 'prod' },
        tags: {},
        certificatePem: parsed.certificatePem,
        chainPem: [],
        hasTrustedRootCa: false,
        metadata: parsed.metadata,
        chain: [],
        revision: 1,
        createdAt: expect.any(String),
        updatedAt: record.createdAt,
      });
      expect(await stored(record.id)).toMatchObject({
        // Sealed by the parser, kept as it came.
        privateKey: parsed.privateKey,
        hostnames: ['shop.example.com', 'www.shop.example.com'],
        notAfter: new Date(parsed.metadata.notAfter),
        createdByRequestId: 'create-1',
        appliedRequestIds: ['create-1'],
        expiryNotified: [],
        expiryCheckAt: EXPIRY_CHECK_ON_NEXT_SCAN,
      });
    });

    it('indexes the host names clients match: the DNS SANs, not a common name beside them, nor names no client matches', async () => {
      const event = await validParsedEvent({ requestId: 'create-cn', tenantId: 'team-a', name: 'cn-beside-sans' });
      const { parsed } = event.verdict;
      const metadata = { ...parsed.metadata, commonName: 'cn-only.example.com', subjectAltNames: { ...parsed.metadata.subjectAltNames, dns: ['api.example.com', '*', 'nul\u0000.example.com'] } };
      const record = await writer.create({ ...event, verdict: { ok: true, parsed: { ...parsed, metadata } } });
      expect((await stored(record.id))?.hostnames).toEqual(['api.example.com']);
    });

    it('gives each certificate the next id of the counters collection', async () => {
      const ids: number[] = [];
      for (const name of ['ids-1', 'ids-2', 'ids-3']) {
        ids.push((await writer.create(await validParsedEvent({ requestId: `create-${name}`, tenantId: 'team-a', name }))).id);
      }
      const first = ids[0] as number;
      expect(ids).toEqual([first, first + 1, first + 2]);
      expect(await lastId()).toBe(first + 2);
    });

    it('refuses a second certificate of one name in one tenant with NAME_CONFLICT, but not in another tenant', async () => {
      await writer.create(await validParsedEvent({ requestId: 'api-a-1', tenantId: 'team-a', name: 'api' }));

      const again = writer.create(await validParsedEvent({ requestId: 'api-a-2', tenantId: 'team-a', name: 'api' }));
      await expect(again).rejects.toThrow(CerthubError);
      await expect(again).rejects.toMatchObject({ code: 'NAME_CONFLICT' });
      expect(await countNamed('team-a', 'api')).toBe(1);

      const other = await writer.create(await validParsedEvent({ requestId: 'api-b-1', tenantId: 'team-b', name: 'api' }));
      expect(other).toMatchObject({ tenantId: 'team-b', name: 'api', revision: 1 });
      expect(await countNamed('team-b', 'api')).toBe(1);
    });

    it.each([
      ['without tags (a dialect)', undefined],
      ['with tags', { env: 'prod' }],
    ])('writes the document mongoose would, %s: its casts and defaults change nothing of it', async (_case, tags) => {
      const event = await validParsedEvent({ requestId: `as-mongoose-${tags ? 'tags' : 'plain'}`, tenantId: 'team-m', name: `as-mongoose-${tags ? 'tags' : 'plain'}`, ...(tags && { tags }) });
      const record = await writer.create(event);
      const raw = await database.certificates.collection.findOne({ _id: record.id as never });
      const asMongoose = new database.certificates(raw);

      expect(asMongoose.validateSync()).toBeUndefined();
      expect(asMongoose.toObject()).toEqual(raw);
    });

    it('draws a new id when the one it was given is taken, as long as the name is free', async () => {
      const taken = ((await lastId()) ?? 0) + 1;
      await database.certificates.collection.insertOne({ _id: taken as never, tenantId: 'team-other', name: 'squatter' });

      const record = await writer.create(await validParsedEvent({ requestId: 'id-taken', tenantId: 'team-a', name: 'after-squatter' }));
      expect(record.id).toBe(taken + 1);
      expect(await countNamed('team-a', 'after-squatter')).toBe(1);
    });

    it('answers a create retried with the same request id with the certificate its first attempt stored', async () => {
      // A redelivery after a crash between the insert and the acknowledgement.
      const event = await validParsedEvent({ requestId: 'retried-create', tenantId: 'team-a', name: 'retried' });
      const first = await writer.create(event);

      expect(await writer.create(event)).toEqual(first);
      expect(await countNamed('team-a', 'retried')).toBe(1);
    });
  });

  describe('tags and copies', () => {
    it('stores tags with their index pairs; an update without tags (a dialect) keeps them, one with tags replaces them', async () => {
      const created = await writer.create(await validParsedEvent({ requestId: 'tags-1', tenantId: 'team-a', name: 'tagged', tags: { env: 'prod', team: 'web' } }));
      expect(created.tags).toEqual({ env: 'prod', team: 'web' });
      expect(await stored(created.id)).toMatchObject({ tagPairs: ['env:prod', 'team:web'] });

      await writer.update(await validParsedEvent({ requestId: 'tags-2', tenantId: 'team-a', name: 'tagged', certificateId: created.id }), created.id);
      expect(await stored(created.id)).toMatchObject({ tags: { env: 'prod', team: 'web' }, tagPairs: ['env:prod', 'team:web'] });

      const retagged = await writer.update(await validParsedEvent({ requestId: 'tags-3', tenantId: 'team-a', name: 'tagged', certificateId: created.id, tags: { env: 'test' } }), created.id);
      expect(retagged.tags).toEqual({ env: 'test' });
      expect(await stored(created.id)).toMatchObject({ tagPairs: ['env:test'] });
    });

    it("names the tenant's other certificates with the same fingerprint, never another tenant's", async () => {
      const original = await validParsedEvent({ requestId: 'copy-1', tenantId: 'team-a', name: 'original' });
      const first = await writer.createNamingCopies(original);
      const theirs = await writer.createNamingCopies({ ...original, requestId: 'copy-b', tenantId: 'team-b', name: 'theirs' });
      const second = await writer.createNamingCopies({ ...original, requestId: 'copy-2', name: 'copy' });
      const third = await writer.createNamingCopies({ ...original, requestId: 'copy-3', name: 'copy-3' });

      expect(first.duplicateOf).toEqual([]);
      expect(second.duplicateOf).toEqual([first.record.id]);
      expect(third.duplicateOf).toEqual([first.record.id, second.record.id]);
      expect(theirs.duplicateOf).toEqual([]);
    });

    it('names the copies while creating: never the new certificate itself, and at most DUPLICATE_IDS_LISTED, oldest first', async () => {
      const original = await validParsedEvent({ requestId: 'many-0', tenantId: 'team-c', name: 'many-0' });
      const earlier: number[] = [];
      for (let i = 0; i <= DUPLICATE_IDS_LISTED; i++) earlier.push((await writer.create({ ...original, requestId: `many-${i}`, name: `many-${i}` })).id);

      const { record, duplicateOf } = await writer.createNamingCopies({ ...original, requestId: 'many-last', name: 'many-last' });
      expect(duplicateOf).toEqual(earlier.slice(0, DUPLICATE_IDS_LISTED));
      expect(duplicateOf).not.toContain(record.id);

      const alone = await writer.createNamingCopies(await validParsedEvent({ requestId: 'alone', tenantId: 'team-c', name: 'alone' }));
      expect(alone.duplicateOf).toEqual([]);
    });

    it('examines as many documents for a create however many copies the tenant already holds', async () => {
      // What serverStatus reports as documents examined, on mongod as here.
      const examined = async () => {
        const status = await database.connection.db!.admin().command({ serverStatus: 1 });
        return Number((status['metrics'] as { queryExecutor: { scannedObjects: unknown } }).queryExecutor.scannedObjects);
      };
      const original = await validParsedEvent({ requestId: 'copies-0', tenantId: 'team-e', name: 'copies-0' });
      const examinedByCreate = async (name: string) => {
        const before = await examined();
        await writer.createNamingCopies({ ...original, requestId: name, name });
        return (await examined()) - before;
      };
      for (let i = 0; i <= DUPLICATE_IDS_LISTED; i++) await writer.create({ ...original, requestId: `copies-${i}`, name: `copies-${i}` });
      const withFew = await examinedByCreate('copies-few');
      for (let i = 0; i < 3 * DUPLICATE_IDS_LISTED; i++) await writer.create({ ...original, requestId: `more-${i}`, name: `more-${i}` });
      expect(await examinedByCreate('copies-many')).toBe(withFew);
    });

    it('does not name the certificate itself when a redelivered create finds it already stored', async () => {
      const original = await validParsedEvent({ requestId: 'redo-0', tenantId: 'team-d', name: 'redo-0' });
      const earlier = await writer.create(original);
      const command = { ...original, requestId: 'redo-1', name: 'redo-1' };
      const first = await writer.createNamingCopies(command);
      // The second time the look-up sees the certificate its first attempt stored.
      const again = await writer.createNamingCopies(command);
      expect(again.record.id).toBe(first.record.id);
      expect(first.duplicateOf).toEqual([earlier.id]);
      expect(again.duplicateOf).toEqual([earlier.id]);
    });
  });

  describe('update', () => {
    it('replaces the content, bumps the revision and keeps the identity; the expiry watch starts over', async () => {
      const created = await writer.create(await validParsedEvent({ requestId: 'billing-create', tenantId: 'team-a', name: 'billing' }));
      // As the expiry watch leaves a certificate once it announced its 30-day threshold.
      await database.certificates.collection.updateOne({ _id: created.id } as never, { $set: { expiryNotified: [30], expiryCheckAt: new Date(Date.now() + 86_400_000) } });
      const update = await validParsedEvent({
        requestId: 'billing-update', tenantId: 'team-a', name: 'billing-renamed', labels: { tier: 'gold' }, certificateId: created.id,
        hostnames: ['billing.example.org'],
      });

      const updated = await writer.update(update, created.id);

      expect(updated).toMatchObject({
        id: created.id,
        uid: created.uid,
        scmId: created.scmId,
        name: 'billing-renamed',
        labels: { tier: 'gold' },
        certificatePem: update.verdict.parsed.certificatePem,
        metadata: update.verdict.parsed.metadata,
        revision: 2,
        createdAt: created.createdAt,
      });
      expect(await stored(created.id)).toMatchObject({
        privateKey: update.verdict.parsed.privateKey,
        hostnames: ['billing.example.org'],
        notAfter: new Date(update.verdict.parsed.metadata.notAfter),
        createdByRequestId: 'billing-create',
        appliedRequestIds: ['billing-create', 'billing-update'],
        expiryNotified: [],
        expiryCheckAt: EXPIRY_CHECK_ON_NEXT_SCAN,
      });
    });

    it("refuses another tenant's certificate, and one that does not exist, with NOT_FOUND, changing nothing", async () => {
      const created = await writer.create(await validParsedEvent({ requestId: 'mail-create', tenantId: 'team-a', name: 'mail' }));
      const before = await stored(created.id);

      const intruder = await validParsedEvent({ requestId: 'mail-takeover', tenantId: 'team-b', name: 'mine-now', certificateId: created.id });
      await expect(writer.update(intruder, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await stored(created.id)).toEqual(before);

      const missing = await validParsedEvent({ requestId: 'ghost-update', tenantId: 'team-a', name: 'ghost', certificateId: 999_999 });
      await expect(writer.update(missing, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await countNamed('team-a', 'ghost')).toBe(0);
    });

    it('applies a redelivered update once, answering the certificate as it is now', async () => {
      const created = await writer.create(await validParsedEvent({ requestId: 'vpn-create', tenantId: 'team-a', name: 'vpn' }));
      const update = await validParsedEvent({ requestId: 'vpn-update-1', tenantId: 'team-a', name: 'vpn-1', certificateId: created.id });
      const first = await writer.update(update, created.id);

      expect(await writer.update(update, created.id)).toEqual(first);
      expect(await stored(created.id)).toMatchObject({ revision: 2, appliedRequestIds: ['vpn-create', 'vpn-update-1'] });

      // Redelivered after a later update: not applied over it, answered with the certificate as that update left it.
      const later = await writer.update(await validParsedEvent({ requestId: 'vpn-update-2', tenantId: 'team-a', name: 'vpn-2', certificateId: created.id }), created.id);
      expect(await writer.update(update, created.id)).toEqual(later);
      expect(await stored(created.id)).toMatchObject({ name: 'vpn-2', revision: 3 });
    });

    it(`remembers the last ${APPLIED_REQUEST_IDS_KEPT} applied request ids, not every one`, async () => {
      const created = await writer.create(await validParsedEvent({ requestId: 'busy-create', tenantId: 'team-a', name: 'busy' }));
      const content = await validParsedEvent({ requestId: 'unused', tenantId: 'team-a', name: 'busy', certificateId: created.id });
      const requestIds = Array.from({ length: APPLIED_REQUEST_IDS_KEPT + 1 }, (_, i) => `busy-update-${i}`);
      for (const requestId of requestIds) await writer.update({ ...content, requestId }, created.id);

      expect(await stored(created.id)).toMatchObject({ revision: requestIds.length + 1, appliedRequestIds: requestIds.slice(1) });
    });

    it('refuses to rename a certificate onto a name its tenant already uses with NAME_CONFLICT', async () => {
      await writer.create(await validParsedEvent({ requestId: 'one-create', tenantId: 'team-a', name: 'one' }));
      const two = await writer.create(await validParsedEvent({ requestId: 'two-create', tenantId: 'team-a', name: 'two' }));

      const rename = await validParsedEvent({ requestId: 'two-rename', tenantId: 'team-a', name: 'one', certificateId: two.id });
      await expect(writer.update(rename, two.id)).rejects.toMatchObject({ code: 'NAME_CONFLICT' });
      expect(await stored(two.id)).toMatchObject({ name: 'two', revision: 1, appliedRequestIds: ['two-create'] });
    });
  });
});
