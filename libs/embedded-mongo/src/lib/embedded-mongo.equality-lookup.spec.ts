import type { Collection, Document, Filter, FindOptions } from 'mongodb';
import { useDriverFixture } from './driver-fixture.spec-support';

/**
 * Non-unique index look-ups (a `{tenantId, fingerprint}` index read by its whole key) must give what a scan
 * gives. As in the unique-index spec, each query also runs wrapped in `$and`, which never looks up, and
 * serverStatus' scannedObjects tells which path ran.
 */
describe('embedded-mongo non-unique index look-ups', () => {
  const fixture = useDriverFixture('equality-lookups');

  async function scannedObjects(): Promise<number> {
    const status = await fixture.db.admin().command({ serverStatus: 1 });
    return Number((status['metrics'] as { queryExecutor: { scannedObjects: number } }).queryExecutor.scannedObjects);
  }

  async function compare(coll: Collection, filter: Filter<Document>, options: FindOptions = { sort: { _id: 1 } }) {
    const before = await scannedObjects();
    const docs = await coll.find(filter, options).toArray();
    const examined = (await scannedObjects()) - before;
    const scanned = await coll.find({ $and: [filter] }, options).toArray();
    expect(docs).toEqual(scanned);
    return { ids: docs.map((doc) => doc['_id']), examined };
  }

  it('reads every document under a compound key, and follows inserts, updates and deletes', async () => {
    const certs = fixture.db.collection('certificates');
    await certs.createIndex({ tenantId: 1, 'metadata.fingerprint': 1 }, { name: 'tenant_fingerprint' });
    await certs.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i, tenantId: `t${i % 3}`, metadata: { fingerprint: `f${i % 5}` } })) as never[]);

    // t0 with f0: i = 0, 15 (i % 3 === 0 and i % 5 === 0).
    expect(await compare(certs, { tenantId: 't0', 'metadata.fingerprint': 'f0' })).toEqual({ ids: [0, 15], examined: 2 });
    expect(await compare(certs, { tenantId: 't0', 'metadata.fingerprint': 'f0', _id: { $ne: 15 } } as unknown as Filter<Document>)).toEqual({ ids: [0], examined: 2 });
    expect(await compare(certs, { tenantId: 't9', 'metadata.fingerprint': 'f0' })).toEqual({ ids: [], examined: 0 });
    // One field of the key only: a scan.
    expect((await compare(certs, { tenantId: 't0' })).examined).toBe(30);

    await certs.updateOne({ _id: 15 } as never, { $set: { 'metadata.fingerprint': 'f1' } });
    await certs.insertOne({ _id: 30, tenantId: 't0', metadata: { fingerprint: 'f0' } } as never);
    await certs.deleteOne({ _id: 0 } as never);
    expect(await compare(certs, { tenantId: 't0', 'metadata.fingerprint': 'f0' })).toEqual({ ids: [30], examined: 1 });
    expect(await compare(certs, { tenantId: 't0', 'metadata.fingerprint': 'f1' })).toMatchObject({ ids: [6, 15, 21] });
  });

  it('lists a multikey index under each element, and scans while a document it cannot list is there', async () => {
    const tagged = fixture.db.collection('tagged');
    await tagged.createIndex({ tenantId: 1, tags: 1 });
    await tagged.insertMany([
      { _id: 1, tenantId: 't', tags: ['env:prod', 'team:web'] },
      { _id: 2, tenantId: 't', tags: ['env:dev'] },
      { _id: 3, tenantId: 't', tags: 'env:prod' },
      // Nested: the index holds the inner array whole; the key 'env:prod' is then looked at by scanning.
      { _id: 4, tenantId: 't', tags: [['env:prod']] },
    ] as never[]);
    expect(await compare(tagged, { tenantId: 't', tags: 'env:prod' })).toEqual({ ids: [1, 3], examined: 4 });
    expect(await compare(tagged, { tenantId: 't', tags: 'team:web' })).toEqual({ ids: [1], examined: 1 });
    await tagged.deleteOne({ _id: 4 } as never);
    expect(await compare(tagged, { tenantId: 't', tags: 'env:prod' })).toEqual({ ids: [1, 3], examined: 2 });

    // Parallel arrays in a compound key: not listed, so every look-up scans until the document is gone.
    const pairs = fixture.db.collection('pairs');
    await pairs.createIndex({ a: 1, b: 1 });
    await pairs.insertMany([{ _id: 1, a: 1, b: 1 }, { _id: 2, a: [1, 2], b: [1, 2] }, { _id: 3, a: 1, b: 2 }] as never[]);
    expect(await compare(pairs, { a: 1, b: 1 })).toEqual({ ids: [1, 2], examined: 3 });
    await pairs.deleteOne({ _id: 2 } as never);
    expect(await compare(pairs, { a: 1, b: 1 })).toEqual({ ids: [1], examined: 1 });
  });

  it('leaves out what a partial or sparse index leaves out, and never looks up null', async () => {
    const codes = fixture.db.collection('partial_codes');
    await codes.createIndex({ code: 1 }, { partialFilterExpression: { active: true } });
    await codes.insertMany([{ _id: 1, code: 'a', active: true }, { _id: 2, code: 'a', active: false }, { _id: 3, code: 'b', active: true }] as never[]);
    expect(await compare(codes, { code: 'a' })).toEqual({ ids: [1, 2], examined: 3 });
    expect(await compare(codes, { code: 'b' })).toEqual({ ids: [3], examined: 1 });

    const people = fixture.db.collection('sparse_people');
    await people.createIndex({ team: 1 }, { sparse: true });
    await people.insertMany([{ _id: 1, team: 'x' }, { _id: 2 }, { _id: 3, team: null }] as never[]);
    expect(await compare(people, { team: null })).toMatchObject({ ids: [2, 3], examined: 3 });
    expect(await compare(people, { team: 'x' })).toEqual({ ids: [1], examined: 1 });
  });

  it('is rebuilt when the index is created over existing documents, and gone when it is dropped', async () => {
    const late = fixture.db.collection('late');
    await late.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i, k: i % 2 })) as never[]);
    expect((await compare(late, { k: 1 })).examined).toBe(10);
    await late.createIndex({ k: 1 }, { name: 'k_1' });
    expect(await compare(late, { k: 1 })).toEqual({ ids: [1, 3, 5, 7, 9], examined: 5 });
    await late.dropIndex('k_1');
    expect((await compare(late, { k: 1 })).examined).toBe(10);
  });

  it('reads an index that ends in _id by its other fields, and examines only what a sort on _id with a limit returns', async () => {
    const copies = fixture.db.collection('copies');
    await copies.createIndex({ tenantId: 1, fingerprint: 1, _id: 1 }, { name: 'tenant_fingerprint_id' });
    // Inserted out of id order: the look-up must order them itself.
    const ids = [7, 3, 11, 1, 9, 5, 13, 2];
    await copies.insertMany(ids.map((id) => ({ _id: id, tenantId: 't', fingerprint: id % 2 === 0 ? 'even' : 'odd' })) as never[]);
    const odd = { tenantId: 't', fingerprint: 'odd' };

    expect(await compare(copies, odd, { sort: { _id: 1 }, limit: 2 })).toEqual({ ids: [1, 3], examined: 2 });
    expect(await compare(copies, odd, { sort: { _id: -1 }, limit: 2 })).toEqual({ ids: [13, 11], examined: 2 });
    expect(await compare(copies, odd, { sort: { _id: 1 }, skip: 1, limit: 2 })).toEqual({ ids: [3, 5], examined: 3 });
    // A further condition is still applied to each one examined, in id order, until the limit is reached.
    expect(await compare(copies, { ...odd, _id: { $gt: 4 } } as unknown as Filter<Document>, { sort: { _id: 1 }, limit: 2 })).toEqual({ ids: [5, 7], examined: 4 });
    expect(await compare(copies, odd, { sort: { _id: 1 } })).toEqual({ ids: [1, 3, 5, 7, 9, 11, 13], examined: 7 });

    // Without _id in the index, every document under the key is examined to sort them, as mongod would.
    const unordered = fixture.db.collection('copies-without-id');
    await unordered.createIndex({ tenantId: 1, fingerprint: 1 });
    await unordered.insertMany(ids.map((id) => ({ _id: id, tenantId: 't', fingerprint: id % 2 === 0 ? 'even' : 'odd' })) as never[]);
    expect(await compare(unordered, odd, { sort: { _id: 1 }, limit: 2 })).toEqual({ ids: [1, 3], examined: 7 });

    // An id that is not a number: the general sort, with the same answer as a scan.
    await copies.insertOne({ _id: 'text-id', tenantId: 't', fingerprint: 'odd' } as never);
    expect((await compare(copies, odd, { sort: { _id: 1 }, limit: 3 })).ids).toEqual([1, 3, 5]);
    expect((await compare(copies, odd, { sort: { _id: -1 }, limit: 1 })).ids).toEqual(['text-id']);
  });
});
