import { Double, Int32, Long, type Collection, type Document, type Filter, type FindOptions } from 'mongodb';
import { useDriverFixture } from './driver-fixture.spec-support';

/**
 * Unique-key look-ups must give exactly what a scan gives. Each query runs twice: as written (eligible for
 * the look-up) and wrapped in `$and` (never eligible: only top-level conditions are looked at, so it scans).
 * serverStatus' scannedObjects tells which path ran: 1 or 0 documents for a look-up.
 */
describe('embedded-mongo unique-index look-ups', () => {
  const fixture = useDriverFixture('lookups');

  async function scannedObjects(): Promise<number> {
    const status = await fixture.db.admin().command({ serverStatus: 1 });
    return Number((status['metrics'] as { queryExecutor: { scannedObjects: number } }).queryExecutor.scannedObjects);
  }

  /** `action`'s result and how many documents the server examined while running it. */
  async function measured<T>(action: () => Promise<T>): Promise<{ result: T; examined: number }> {
    const before = await scannedObjects();
    const result = await action();
    return { result, examined: (await scannedObjects()) - before };
  }

  /** find() with and without the look-up; the results must be identical. */
  async function compare(coll: Collection, filter: Filter<Document>, options: FindOptions = {}) {
    const fast = await measured(() => coll.find(filter, options).toArray());
    const scan = await measured(() => coll.find({ $and: [filter] }, options).toArray());
    expect(fast.result).toEqual(scan.result);
    return { docs: fast.result, examined: fast.examined, scanExamined: scan.examined };
  }

  it('reads by a compound unique key: hit, miss, extra conditions, $eq, sort/skip/limit/projection, counts', async () => {
    const outcomes = fixture.db.collection('request_outcomes');
    await outcomes.createIndex({ tenantId: 1, requestId: 1 }, { unique: true, name: 'tenant_request_unique' });
    await outcomes.insertMany(Array.from({ length: 20 }, (_, i) => ({
      _id: i, tenantId: `t${i % 2}`, requestId: `r${i}`, status: i % 3 === 0 ? 'failed' : 'done',
    })) as never[]);
    const hit = { tenantId: 't1', requestId: 'r5' };
    expect(await compare(outcomes, hit)).toEqual({ docs: [{ _id: 5, ...hit, status: 'done' }], examined: 1, scanExamined: 20 });
    expect(await compare(outcomes, { tenantId: 't0', requestId: 'r5' })).toMatchObject({ docs: [], examined: 0 });
    expect(await compare(outcomes, { ...hit, status: 'failed' })).toMatchObject({ docs: [], examined: 1 });
    expect(await compare(outcomes, { ...hit, $or: [{ status: 'x' }, { status: 'done' }] })).toMatchObject({ docs: [{ _id: 5 }], examined: 1 });
    expect(await compare(outcomes, { requestId: { $eq: 'r6' }, tenantId: 't0' })).toMatchObject({ docs: [{ _id: 6 }], examined: 1 });
    // Only one field of the key pinned: no look-up.
    expect((await compare(outcomes, { requestId: 'r6' })).examined).toBe(20);

    expect(await compare(outcomes, hit, { sort: { status: -1 }, skip: 1 })).toMatchObject({ docs: [], examined: 1 });
    expect(await compare(outcomes, hit, { sort: { status: 1 }, limit: 5, projection: { status: 1, _id: 0 } })).toMatchObject({
      docs: [{ status: 'done' }], examined: 1,
    });
    expect(await measured(() => outcomes.countDocuments(hit))).toEqual({ result: 1, examined: 1 });
    expect(await measured(() => fixture.db.command({ count: 'request_outcomes', query: hit }))).toMatchObject({ result: { n: 1 }, examined: 1 });
    expect(await measured(() => outcomes.distinct('status', { tenantId: 't1', requestId: 'r3' }))).toEqual({ result: ['failed'], examined: 1 });
  });

  it('writes by a unique key: findOneAndUpdate with $ne, update, upsert, rename, delete', async () => {
    const certs = fixture.db.collection('certificates');
    await certs.createIndex({ tenantId: 1, name: 1 }, { unique: true, name: 'tenant_name_unique' });
    await certs.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i, tenantId: 't', name: `n${i}`, applied: [] })) as never[]);
    const apply = (requestId: string) => measured(() => certs.findOneAndUpdate(
      { _id: 3, tenantId: 't', applied: { $ne: requestId } } as never, { $push: { applied: requestId } } as never, { returnDocument: 'after' },
    ));
    expect(await apply('a')).toEqual({ result: { _id: 3, tenantId: 't', name: 'n3', applied: ['a'] }, examined: 1 });
    expect(await apply('a')).toEqual({ result: null, examined: 1 });
    const byName = (name: string) => measured(() => certs.findOne({ tenantId: 't', name }));

    expect(await measured(() => certs.updateOne({ tenantId: 't', name: 'n4' }, { $set: { v: 1 } }))).toMatchObject({ result: { matchedCount: 1 }, examined: 1 });
    expect(await measured(() => certs.updateMany({ tenantId: 't', name: 'n5' }, { $set: { v: 2 } }))).toMatchObject({ result: { modifiedCount: 1 }, examined: 1 });
    expect(await measured(() => certs.updateMany({ tenantId: 't', name: 'none' }, { $set: { v: 2 } }))).toMatchObject({ result: { matchedCount: 0 }, examined: 0 });
    const upsert = await measured(() => certs.updateOne({ tenantId: 't', name: 'n10' }, { $set: { v: 3 } }, { upsert: true }));
    expect(upsert).toMatchObject({ result: { upsertedCount: 1 }, examined: 0 });
    expect(await byName('n10')).toMatchObject({ result: { name: 'n10', v: 3 }, examined: 1 });
    await certs.updateOne({ tenantId: 't', name: 'n8' }, { $set: { name: 'renamed' } });
    expect(await byName('n8')).toEqual({ result: null, examined: 0 });
    expect(await byName('renamed')).toMatchObject({ result: { _id: 8 }, examined: 1 });

    expect(await measured(() => certs.deleteMany({ tenantId: 't', name: 'n7', v: { $exists: true } }))).toMatchObject({ result: { deletedCount: 0 }, examined: 1 });
    expect(await measured(() => certs.deleteOne({ tenantId: 't', name: 'n6' }))).toMatchObject({ result: { deletedCount: 1 }, examined: 1 });
    expect(await byName('n6')).toEqual({ result: null, examined: 0 });
    const removed = await measured(() => certs.findOneAndDelete({ tenantId: 't', name: 'n9' }));
    expect(removed).toMatchObject({ result: { _id: 9 }, examined: 1 });
    expect((await compare(certs, {})).docs.map((doc) => doc['name'])).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n7', 'renamed', 'n10']);
  });

  it('scans a key that a document left out of a partial index also has, and looks up the others', async () => {
    const creds = fixture.db.collection('credentials');
    await creds.createIndex({ tokenHash: 1 }, {
      unique: true, name: 'token_hash_unique', partialFilterExpression: { tokenHash: { $type: 'string' } },
    });
    await creds.insertMany([
      { _id: 1, kind: 'token', tokenHash: 'h1' },
      { _id: 2, kind: 'apiKey' },
      // mingo's $type does not look into arrays, so this one is outside the index, yet { tokenHash: 'h2' } matches it.
      { _id: 3, kind: 'legacy', tokenHash: ['h2'] },
      { _id: 4, kind: 'token', tokenHash: 'h2' },
    ] as never[]);
    expect(await compare(creds, { kind: 'token', tokenHash: 'h1' })).toMatchObject({ docs: [{ _id: 1 }], examined: 1 });
    expect(await compare(creds, { tokenHash: 'h2' })).toMatchObject({ docs: [{ _id: 3 }, { _id: 4 }], examined: 4 });
    expect(await compare(creds, { kind: 'token', tokenHash: 'h3' })).toMatchObject({ docs: [], examined: 0 });

    const codes = fixture.db.collection('codes');
    await codes.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await codes.insertMany([{ _id: 1, code: 'a', active: true }, { _id: 2, code: 'a', active: false }, { _id: 3, code: 'b', active: true }] as never[]);
    // The index holds only _id 1 for 'a'; trusting it would lose _id 2.
    expect(await compare(codes, { code: 'a' })).toMatchObject({ docs: [{ _id: 1 }, { _id: 2 }], examined: 3 });
    expect(await compare(codes, { code: 'b' })).toMatchObject({ docs: [{ _id: 3 }], examined: 1 });
    await codes.deleteOne({ _id: 2 } as never);
    expect(await compare(codes, { code: 'a' })).toMatchObject({ docs: [{ _id: 1 }], examined: 1 });
    // Too many keys to list (an array of 1,100 outside the index): every look-up scans until it is gone.
    await codes.insertOne({ _id: 4, code: Array.from({ length: 1100 }, (_, i) => `c${i}`), active: false } as never);
    expect(await compare(codes, { code: 'b' })).toMatchObject({ docs: [{ _id: 3 }], examined: 3 });
    await codes.deleteOne({ _id: 4 } as never);
    expect(await compare(codes, { code: 'b' })).toMatchObject({ docs: [{ _id: 3 }], examined: 1 });
    await codes.updateOne({ _id: 3 } as never, { $set: { active: false } });
    expect(await compare(codes, { code: 'b' })).toMatchObject({ docs: [{ _id: 3 }], examined: 2 });
  });

  it('never looks up null, so a sparse index does not hide documents missing the field', async () => {
    const people = fixture.db.collection('people');
    await people.createIndex({ email: 1 }, { unique: true, sparse: true });
    await people.insertMany([{ _id: 1, email: 'a@x' }, { _id: 2 }, { _id: 3 }, { _id: 4, email: null }] as never[]);
    expect(await compare(people, { email: 'a@x' })).toMatchObject({ docs: [{ _id: 1 }], examined: 1 });
    expect(await compare(people, { email: 'b@x' })).toMatchObject({ docs: [], examined: 0 });
    expect(await compare(people, { email: null })).toMatchObject({ docs: [{ _id: 2 }, { _id: 3 }, { _id: 4 }], examined: 4 });
    expect(await compare(people, { email: { $eq: null } })).toMatchObject({ docs: [{ _id: 2 }, { _id: 3 }, { _id: 4 }], examined: 4 });
  });

  it('matches numbers by value across Int32, Double and Long, as the index and MongoDB do', async () => {
    const numbers = fixture.db.collection('numbers');
    await numbers.createIndex({ n: 1 }, { unique: true });
    await numbers.insertMany([{ _id: 1, n: new Int32(1) }, { _id: 2, n: new Double(2.5) }, { _id: 3, n: Long.fromNumber(3) }] as never[]);
    const raw: FindOptions = { promoteValues: false, promoteLongs: false };
    expect(await compare(numbers, { n: new Double(1) }, raw)).toMatchObject({ docs: [{ _id: new Int32(1), n: new Int32(1) }], examined: 1 });
    expect(await compare(numbers, { n: Long.fromNumber(1) }, raw)).toMatchObject({ docs: [{ n: new Int32(1) }], examined: 1 });
    expect(await compare(numbers, { n: new Double(3) }, raw)).toMatchObject({ docs: [{ n: Long.fromNumber(3) }], examined: 1 });
    expect(await compare(numbers, { n: { $eq: new Int32(3) } })).toMatchObject({ docs: [{ _id: 3 }], examined: 1 });
    expect(await compare(numbers, { n: 2.5 })).toMatchObject({ docs: [{ _id: 2 }], examined: 1 });
    expect(await compare(numbers, { n: '1' })).toMatchObject({ docs: [], examined: 0 });
    await expect(numbers.insertOne({ n: new Double(1) })).rejects.toMatchObject({ code: 11000 });
  });

  it('scans keys hidden in nested arrays and picks whichever unique index the filter pins', async () => {
    const nested = fixture.db.collection('nested');
    await nested.createIndex({ 'a.b': 1 }, { unique: true });
    await nested.createIndex({ tags: 1 }, { unique: true });
    await nested.insertMany([{ _id: 1, a: { b: [[7]] }, tags: ['x', 'y'] }, { _id: 2, a: [{ b: 8 }, { b: 9 }], tags: 'z' }] as never[]);
    // mingo matches 7 inside the inner array; the index holds the key [7]: the look-up must not be trusted.
    expect(await compare(nested, { 'a.b': 7 })).toMatchObject({ docs: [{ _id: 1 }], examined: 2 });
    expect(await compare(nested, { 'a.b': 9 })).toMatchObject({ docs: [{ _id: 2 }], examined: 1 });
    expect(await compare(nested, { tags: 'y' })).toMatchObject({ docs: [{ _id: 1 }], examined: 1 });
  });

  it('finds one document among 50,000 by its unique key examining only that document', async () => {
    const big = fixture.db.collection('big');
    await big.createIndex({ tenantId: 1, requestId: 1 }, { unique: true, name: 'tenant_request_unique' });
    await big.insertMany(Array.from({ length: 50_000 }, (_, i) => ({ tenantId: `t${i % 10}`, requestId: `r${i}` })));
    const filter = { tenantId: 't7', requestId: 'r43217' };
    const fast = await measured(() => big.findOne(filter));
    expect(fast).toMatchObject({ result: filter, examined: 1 });
    expect(await big.findOne({ $and: [filter] })).toEqual(fast.result);
    expect(await measured(() => big.findOne({ tenantId: 't7', requestId: 'r-none' }))).toEqual({ result: null, examined: 0 });
  }, 60_000);
});
