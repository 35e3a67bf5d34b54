import { Binary, Double, Int32, Long, MongoServerError, ObjectId } from 'mongodb';
import { useDriverFixture } from './driver-fixture.spec-support';

describe('embedded-mongo through the mongodb driver: documents, queries, catalog', () => {
  const fixture = useDriverFixture('queries');

  it('answers the handshake as a standalone 7.0 server', async () => {
    const hello = await fixture.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, maxWireVersion: 21, minWireVersion: 0, ok: 1 });
    expect(hello['setName']).toBeUndefined();
    expect(hello['compression']).toBeUndefined();
    expect((await fixture.db.admin().command({ buildInfo: 1 }))['version']).toBe('7.0.0-certhub-embedded');
    expect(fixture.server.url).toBe(`mongodb://127.0.0.1:${fixture.server.port}`);
  });

  it('round-trips numeric _ids, numeric types, Binary subtypes, dates and nested documents exactly', async () => {
    const coll = fixture.db.collection('types');
    const when = new Date('2024-05-06T07:08:09.010Z');
    await coll.insertMany([
      { _id: new Int32(1), n: new Int32(7), d: new Double(5), l: Long.fromNumber(9), big: Long.fromString('9007199254740993') },
      { _id: new Double(2.5), bin: new Binary(Buffer.from([0, 1, 255]), 0), uuid: new Binary(Buffer.alloc(16, 7), 4) },
      { _id: Long.fromNumber(3), at: when, nested: { list: [1, 'two', { three: 3.5 }], empty: {} } },
    ] as never[]);
    const raw = await coll.find({}, { promoteValues: false, promoteLongs: false, sort: { _id: 1 } }).toArray();
    expect(raw[0]).toEqual({ _id: new Int32(1), n: new Int32(7), d: new Double(5), l: Long.fromNumber(9), big: Long.fromString('9007199254740993') });
    expect(raw[1]['_id']).toEqual(new Double(2.5));
    expect((raw[1]['bin'] as Binary).sub_type).toBe(0);
    expect(Buffer.from((raw[1]['bin'] as Binary).buffer)).toEqual(Buffer.from([0, 1, 255]));
    expect((raw[1]['uuid'] as Binary).sub_type).toBe(4);
    expect(raw[2]['_id']).toEqual(Long.fromNumber(3));
    const plain = await coll.findOne({ _id: 3 as never });
    expect(plain).toEqual({ _id: 3, at: when, nested: { list: [1, 'two', { three: 3.5 }], empty: {} } });
    // Numbers are equal across BSON types, as in MongoDB: Long(3) is found by 3 and 3.0.
    expect(await coll.countDocuments({ _id: { $in: [1, 2.5, 3] } } as never)).toBe(3);
  });

  it('generates an ObjectId only when the document has no _id', async () => {
    const coll = fixture.db.collection('ids');
    const result = await coll.insertOne({ name: 'x' }, { forceServerObjectId: true });
    const stored = await coll.findOne({ name: 'x' });
    expect(stored?._id).toBeInstanceOf(ObjectId);
    expect(result.acknowledged).toBe(true);
    await coll.insertOne({ _id: 'mine' as never, name: 'y' });
    expect(Object.keys((await coll.findOne({ name: 'y' })) ?? {})).toEqual(['_id', 'name']);
    await expect(coll.insertOne({ _id: 'mine' as never })).rejects.toMatchObject({ code: 11000 });
  });

  it('sorts, skips, limits and projects', async () => {
    const coll = fixture.db.collection('people');
    await coll.insertMany([
      { _id: 1, name: 'ann', age: 31, tags: ['a'] },
      { _id: 2, name: 'bob', age: 25, tags: ['b'] },
      { _id: 3, name: 'cy', age: 40, tags: [] },
      { _id: 4, name: 'di', age: 25, tags: ['a', 'b'] },
    ] as never[]);
    const page = await coll.find({ age: { $gte: 25 } }, { sort: { age: -1, name: 1 }, skip: 1, limit: 2, projection: { name: 1, _id: 0 } }).toArray();
    expect(page).toEqual([{ name: 'ann' }, { name: 'bob' }]);
    expect(await coll.find({ tags: 'a' }, { projection: { tags: 0 }, sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 1, name: 'ann', age: 31 },
      { _id: 4, name: 'di', age: 25 },
    ]);
    expect(await coll.findOne({ name: /^c/ })).toEqual({ _id: 3, name: 'cy', age: 40, tags: [] });
    expect(await coll.distinct('tags')).toEqual(['a', 'b']);
  });

  it('pages a cursor over more than 101 documents with getMore, and kills an abandoned one', async () => {
    const coll = fixture.db.collection('many');
    await coll.insertMany(Array.from({ length: 250 }, (_, i) => ({ _id: i, v: i * 2 })) as never[]);
    const all = await coll.find({}, { sort: { _id: 1 } }).toArray();
    expect(all).toHaveLength(250);
    expect(all.map((doc) => doc._id)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    const small = await coll.find({ v: { $gte: 100 } }, { batchSize: 7 }).toArray();
    expect(small).toHaveLength(200);
    const cursor = coll.find({});
    expect(await cursor.next()).toEqual({ _id: 0, v: 0 });
    await cursor.close();
    const getMoreOnKilled = fixture.db.command({ getMore: Long.fromNumber(123456), collection: 'many' });
    await expect(getMoreOnKilled).rejects.toMatchObject({ code: 43, codeName: 'CursorNotFound' });
  });

  it('counts and aggregates', async () => {
    const coll = fixture.db.collection('orders');
    await coll.insertMany([
      { cust: 'a', amount: 5, items: ['x', 'y'] },
      { cust: 'a', amount: 7, items: ['x'] },
      { cust: 'b', amount: 1, items: [] },
    ]);
    expect(await coll.countDocuments({ cust: 'a' })).toBe(2);
    expect(await coll.countDocuments({}, { skip: 1, limit: 5 })).toBe(2);
    expect(await coll.estimatedDocumentCount()).toBe(3);
    const totals = await coll.aggregate([
      { $match: { amount: { $gt: 0 } } },
      { $group: { _id: '$cust', total: { $sum: '$amount' }, n: { $sum: 1 } } },
      { $sort: { total: -1 } },
    ]).toArray();
    expect(totals).toEqual([{ _id: 'a', total: 12, n: 2 }, { _id: 'b', total: 1, n: 1 }]);
    const unwound = await coll.aggregate([
      { $unwind: '$items' },
      { $addFields: { double: { $multiply: ['$amount', 2] } } },
      { $project: { _id: 0, items: 1, double: 1 } },
      { $skip: 1 },
      { $limit: 5 },
    ]).toArray();
    expect(unwound).toEqual([{ items: 'y', double: 10 }, { items: 'x', double: 14 }]);
    expect(await coll.aggregate([{ $match: { cust: 'a' } }, { $count: 'n' }]).toArray()).toEqual([{ n: 2 }]);
    await expect(coll.aggregate([{ $out: 'elsewhere' }]).toArray()).rejects.toMatchObject({ code: 115 });
  });

  it('manages collections, databases and non-unique indexes', async () => {
    const other = fixture.client.db('catalog');
    await other.createCollection('c1');
    await expect(other.createCollection('c1')).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
    await other.collection('c2').insertOne({ a: 1 });
    expect((await other.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort()).toEqual(['c1', 'c2']);
    expect((await other.listCollections({ name: 'c2' }).toArray()).map((c) => c.name)).toEqual(['c2']);
    expect(await other.collection('c2').createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    expect(await other.collection('c2').listIndexes().toArray()).toEqual([
      { v: 2, key: { _id: 1 }, name: '_id_' },
      { v: 2, key: { a: 1, b: -1 }, name: 'a_1_b_-1' },
    ]);
    await expect(other.collection('c2').createIndex({ a: 'text' })).rejects.toMatchObject({ code: 67 });
    await other.collection('c2').dropIndex('a_1_b_-1');
    expect((await other.collection('c2').listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    await expect(other.collection('none').listIndexes().toArray()).rejects.toMatchObject({ codeName: 'NamespaceNotFound' });
    expect(await other.collection('c1').drop()).toBe(true);
    const names = (await fixture.client.db().admin().listDatabases()).databases.map((d) => d.name);
    expect(names).toContain('catalog');
    await other.dropDatabase();
    expect((await fixture.client.db().admin().listDatabases()).databases.map((d) => d.name)).not.toContain('catalog');
  });

  it('answers unknown commands and transactions exactly like a standalone mongod', async () => {
    await expect(fixture.db.command({ frobnicate: 1 })).rejects.toMatchObject({ code: 59, codeName: 'CommandNotFound', message: "no such command: 'frobnicate'" });
    const session = fixture.client.startSession();
    try {
      session.startTransaction();
      const inTransaction = fixture.db.collection('tx').insertOne({ a: 1 }, { session });
      await expect(inTransaction).rejects.toBeInstanceOf(Error);
    } finally {
      await session.endSession();
    }
    const raw = fixture.db.command({ find: 'tx', startTransaction: true, autocommit: false, txnNumber: Long.fromNumber(1) });
    await expect(raw).rejects.toMatchObject({
      code: 20, codeName: 'IllegalOperation', message: 'Transaction numbers are only allowed on a replica set member or mongos',
    });
    await expect(fixture.db.collection('x').find({ $where: 'true' }).toArray()).rejects.toBeInstanceOf(MongoServerError);
  });
});
