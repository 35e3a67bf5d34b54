import { Double, Int32, Long } from 'mongodb';
import { useDriverFixture } from './driver-fixture.spec-support';

describe('embedded-mongo through the mongodb driver: updates and deletes', () => {
  const fixture = useDriverFixture('updates');

  it('applies update operators, upserts with $setOnInsert, and reports counts as MongoDB does', async () => {
    interface Row {
      _id: number; n?: number; list?: number[]; gone?: boolean; deep?: { x: string }; set?: string[];
      items?: Array<{ k: number; v: number }>; kind?: string; created?: boolean; fresh?: boolean;
    }
    const coll = fixture.db.collection<Row>('updates');
    await coll.insertOne({ _id: 1, n: 1, list: [1], gone: true });
    const result = await coll.updateOne({ _id: 1 }, {
      $set: { 'deep.x': 'y' }, $inc: { n: 4 }, $push: { list: 2 }, $addToSet: { set: 'a' }, $unset: { gone: '' },
    });
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, n: 5, list: [1, 2], deep: { x: 'y' }, set: ['a'] });
    const noop = await coll.updateOne({ _id: 1 }, { $set: { n: 5 }, $setOnInsert: { created: true } });
    expect(noop).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    const upsert = await coll.updateOne({ _id: 2, kind: 'k' }, { $set: { n: 1 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(upsert).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: 2 });
    expect(await coll.findOne({ _id: 2 })).toEqual({ _id: 2, kind: 'k', n: 1, created: true });
    const many = await coll.updateMany({}, { $inc: { n: 10 } });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const replaced = await coll.replaceOne({ _id: 2 }, { fresh: true });
    expect(replaced.modifiedCount).toBe(1);
    expect(await coll.findOne({ _id: 2 })).toEqual({ _id: 2, fresh: true });
    await expect(coll.updateOne({ _id: 1 }, { $set: { _id: 9 } })).rejects.toMatchObject({ code: 66 });
    // Deliberately ill-typed: $inc on an object field must fail as in MongoDB.
    await expect(coll.updateOne({ _id: 1 }, { $inc: { deep: 1 } } as never)).rejects.toMatchObject({ code: 14 });
    await coll.updateOne({ _id: 1 }, { $set: { items: [{ k: 1, v: 0 }, { k: 2, v: 0 }] } });
    await coll.updateOne({ _id: 1 }, { $set: { 'items.$[e].v': 7 } }, { arrayFilters: [{ 'e.k': 2 }] });
    await coll.updateOne({ _id: 1, 'items.k': 1 }, { $set: { 'items.$.v': 3 } });
    expect((await coll.findOne({ _id: 1 }))?.items).toEqual([{ k: 1, v: 3 }, { k: 2, v: 7 }]);
  });

  it('keeps a field\'s numeric type through $inc, and takes a $set value\'s type', async () => {
    const coll = fixture.db.collection('numeric');
    await coll.insertOne({ _id: 1, l: Long.fromNumber(1), d: new Double(1), i: 1 } as never);
    await coll.updateOne({ _id: 1 } as never, { $inc: { l: 1, d: 1, i: 1 }, $set: { s: new Double(2) } });
    const raw = await coll.findOne({ _id: 1 } as never, { promoteValues: false, promoteLongs: false });
    expect(raw).toEqual({ _id: new Int32(1), l: Long.fromNumber(2), d: new Double(2), i: new Int32(2), s: new Double(2) });
  });

  it('deletes one or many', async () => {
    const coll = fixture.db.collection('deletes');
    await coll.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
    expect((await coll.deleteOne({ g: 1 })).deletedCount).toBe(1);
    expect((await coll.deleteMany({})).deletedCount).toBe(2);
    expect(await coll.countDocuments()).toBe(0);
  });

  it('findOneAndUpdate / findOneAndDelete return the documents MongoDB would', async () => {
    const coll = fixture.db.collection('fam');
    await coll.insertMany([{ _id: 1, q: 3 }, { _id: 2, q: 1 }] as never[]);
    const before = await coll.findOneAndUpdate({}, { $inc: { q: 1 } }, { sort: { q: 1 }, returnDocument: 'before' });
    expect(before).toEqual({ _id: 2, q: 1 });
    const after = await coll.findOneAndUpdate({ _id: 1 } as never, { $set: { q: 0 } }, { returnDocument: 'after', projection: { q: 1, _id: 0 } });
    expect(after).toEqual({ q: 0 });
    expect(await coll.findOneAndUpdate({ _id: 9 } as never, { $set: { q: 0 } })).toBeNull();
    const full = await coll.findOneAndDelete({ _id: 2 } as never, { includeResultMetadata: true });
    expect(full).toMatchObject({ ok: 1, value: { _id: 2, q: 2 }, lastErrorObject: { n: 1 } });
    expect(await coll.countDocuments()).toBe(1);
  });

  it('runs the storage service\'s idempotent certificate update: $ne guard, $set, $inc and a capped $push', async () => {
    interface Cert { _id: number; tenantId: string; name: string; revision: number; appliedRequestIds: string[]; updatedAt?: Date }
    const certs = fixture.db.collection<Cert>('certificates');
    await certs.createIndex({ tenantId: 1, name: 1 }, { unique: true, name: 'tenant_name_unique' });
    await certs.insertMany([
      { _id: 1, tenantId: 't', name: 'a', revision: 1, appliedRequestIds: ['r0'] },
      { _id: 2, tenantId: 't', name: 'b', revision: 1, appliedRequestIds: [] },
    ]);
    const apply = (requestId: string, name: string) =>
      certs.findOneAndUpdate(
        { _id: 1, tenantId: 't', appliedRequestIds: { $ne: requestId } },
        { $set: { name, updatedAt: new Date(0) }, $inc: { revision: 1 }, $push: { appliedRequestIds: { $each: [requestId], $slice: -2 } } },
        { returnDocument: 'after' },
      );
    expect(await apply('r1', 'a2')).toEqual({ _id: 1, tenantId: 't', name: 'a2', revision: 2, appliedRequestIds: ['r0', 'r1'], updatedAt: new Date(0) });
    expect(await apply('r1', 'a3')).toBeNull();
    expect((await apply('r2', 'a2'))?.appliedRequestIds).toEqual(['r1', 'r2']);
    await expect(apply('r3', 'b')).rejects.toMatchObject({ code: 11000, keyPattern: { tenantId: 1, name: 1 } });
    expect(await certs.findOne({ _id: 1 }, { projection: { revision: 1, _id: 0 } })).toEqual({ revision: 3 });
  });
});
