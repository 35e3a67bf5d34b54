import { MongoBulkWriteError, MongoClient, MongoServerError } from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import { useDriverFixture } from './driver-fixture.spec-support';

describe('embedded-mongo unique indexes and concurrency', () => {
  const fixture = useDriverFixture('uniq', { maxPoolSize: 100 });

  it('hands out 1..100 from 100 concurrent findOneAndUpdate $inc upserts', async () => {
    const counters = fixture.db.collection<{ _id: string; seq: number }>('counters');
    const values = await Promise.all(
      Array.from({ length: 100 }, () =>
        counters.findOneAndUpdate({ _id: 'x' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }),
      ),
    );
    const seqs = values.map((doc) => doc?.seq).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await counters.findOne({ _id: 'x' })).toEqual({ _id: 'x', seq: 100 });
  });

  it('lets exactly one of 100 concurrent inserts of one compound key win, across 100 connections', async () => {
    const items = fixture.db.collection('items');
    await items.createIndex({ tenantId: 1, name: 1 }, { unique: true, name: 'tenant_name_unique' });
    const clients = await Promise.all(Array.from({ length: 100 }, () => MongoClient.connect(fixture.server.url, { maxPoolSize: 1 })));
    try {
      const outcomes = await Promise.allSettled(
        clients.map((c, i) => c.db('uniq').collection('items').insertOne({ tenantId: 't1', name: 'same', attempt: i })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as MongoServerError);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(99);
      for (const error of lost) {
        expect(error).toBeInstanceOf(MongoServerError);
        expect(error.code).toBe(11000);
        expect(error['keyValue']).toEqual({ tenantId: 't1', name: 'same' });
        expect(error['keyPattern']).toEqual({ tenantId: 1, name: 1 });
      }
      expect(lost[0].message).toBe(
        'E11000 duplicate key error collection: uniq.items index: tenant_name_unique dup key: { tenantId: "t1", name: "same" }',
      );
      expect(await items.countDocuments({ tenantId: 't1' })).toBe(1);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  it('enforces unique indexes on update, upsert and findAndModify, and treats missing fields as null', async () => {
    const users = fixture.db.collection('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([{ _id: 1, email: 'a@x' }, { _id: 2, email: 'b@x' }] as never[]);
    await expect(users.updateOne({ _id: 2 } as never, { $set: { email: 'a@x' } })).rejects.toMatchObject({
      code: 11000, keyValue: { email: 'a@x' },
    });
    await expect(users.updateOne({ email: 'c@x' }, { $set: { email: 'a@x' } }, { upsert: true })).rejects.toMatchObject({ code: 11000 });
    const famError = await users.findOneAndUpdate({ _id: 2 } as never, { $set: { email: 'a@x' } }).catch((e: unknown) => e);
    expect(famError).toBeInstanceOf(MongoServerError);
    expect(famError).toMatchObject({ code: 11000, codeName: 'DuplicateKey', keyPattern: { email: 1 }, keyValue: { email: 'a@x' } });
    expect(await users.findOne({ _id: 2 } as never)).toEqual({ _id: 2, email: 'b@x' });
    await users.insertOne({ _id: 3 } as never);
    const missing = await users.insertOne({ _id: 4 } as never).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      code: 11000, keyValue: { email: null },
      message: 'E11000 duplicate key error collection: uniq.users index: email_1 dup key: { email: null }',
    });
    // The _id index speaks the same format; ObjectIds and numbers print as the shell prints them.
    await expect(users.insertOne({ _id: 1 } as never)).rejects.toMatchObject({
      message: 'E11000 duplicate key error collection: uniq.users index: _id_ dup key: { _id: 1 }',
    });
  });

  it('reports write errors per document: ordered inserts stop, unordered ones carry on', async () => {
    const coll = fixture.db.collection('bulk');
    await coll.createIndex({ k: 1 }, { unique: true });
    const ordered = await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]).catch((e: unknown) => e);
    expect(ordered).toBeInstanceOf(MongoBulkWriteError);
    expect((ordered as MongoBulkWriteError).result.insertedCount).toBe(1);
    expect((ordered as MongoBulkWriteError).writeErrors).toMatchObject([{ index: 1, code: 11000 }]);
    const unordered = await coll.insertMany([{ k: 3 }, { k: 3 }, { k: 4 }], { ordered: false }).catch((e: unknown) => e);
    expect((unordered as MongoBulkWriteError).result.insertedCount).toBe(2);
    expect(await coll.countDocuments()).toBe(3);
  });

  it('skips documents outside a partial or sparse unique index, and multikey arrays index each element', async () => {
    const partial = fixture.db.collection('partial');
    await partial.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await partial.insertMany([{ code: 'a', active: false }, { code: 'a', active: false }, { code: 'a', active: true }]);
    await expect(partial.insertOne({ code: 'a', active: true })).rejects.toMatchObject({ code: 11000 });
    const sparse = fixture.db.collection('sparse');
    await sparse.createIndex({ nick: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ x: 1 }, { x: 2 }, { nick: 'n' }]);
    await expect(sparse.insertOne({ nick: 'n' })).rejects.toMatchObject({ code: 11000 });
    const tags = fixture.db.collection('tags');
    await tags.createIndex({ tags: 1 }, { unique: true });
    await tags.insertOne({ tags: ['a', 'b', 'a'] });
    await expect(tags.insertOne({ tags: ['c', 'b'] })).rejects.toMatchObject({ code: 11000, keyValue: { tags: 'b' } });
  });

  it('refuses to build a unique index over existing duplicates, as MongoDB does', async () => {
    const dupes = fixture.db.collection('dupes');
    await dupes.insertMany([{ v: 1 }, { v: 1 }]);
    const error = await dupes.createIndex({ v: 1 }, { unique: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000, keyValue: { v: 1 } });
    expect((error as Error).message).toContain('E11000 duplicate key error collection: uniq.dupes index: v_1 dup key: { v: 1 }');
    expect((await dupes.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    await expect(dupes.createIndex({ v: 1 }, { name: 'v_1', unique: false })).resolves.toBe('v_1');
    await expect(dupes.createIndex({ v: 1 }, { name: 'v_1', unique: true })).rejects.toMatchObject({ code: 85 });
  });

  it('works for mongoose: unique schema paths, syncIndexes, counters and duplicate errors', async () => {
    const connection = await mongoose.createConnection(`${fixture.server.url}/mongoose`).asPromise();
    try {
      const Cert = connection.model('Cert', new Schema({
        _id: Number,
        tenantId: { type: String, required: true },
        name: { type: String, required: true },
        uid: { type: String, unique: true },
      }, { timestamps: true, versionKey: false }).index({ tenantId: 1, name: 1 }, { unique: true, name: 'tenant_name_unique' }));
      await Cert.syncIndexes();
      const names = (await Cert.listIndexes()).map((index: { name: string }) => index.name).sort();
      expect(names).toEqual(['_id_', 'tenant_name_unique', 'uid_1']);
      expect(await Cert.syncIndexes()).toEqual([]);
      await Cert.create({ _id: 1, tenantId: 't', name: 'n', uid: 'u1' });
      const duplicate = await Cert.create({ _id: 2, tenantId: 't', name: 'n', uid: 'u2' }).catch((e: unknown) => e);
      expect(duplicate).toBeInstanceOf(MongoServerError);
      expect(duplicate).toMatchObject({ code: 11000, keyPattern: { tenantId: 1, name: 1 }, keyValue: { tenantId: 't', name: 'n' } });
      const found = await Cert.findOne({ tenantId: 't', name: 'n' }).lean();
      expect(found).toMatchObject({ _id: 1, uid: 'u1' });
      expect(found?.createdAt).toBeInstanceOf(Date);

      const Counter = connection.model('Counter', new Schema({ _id: String, seq: { type: Number, default: 0 } }, { versionKey: false }));
      const next = () => Counter.findOneAndUpdate({ _id: 'certificates' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
      const seqs = (await Promise.all(Array.from({ length: 20 }, next))).map((doc) => doc?.seq);
      expect([...seqs].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await connection.close();
    }
  });
});
