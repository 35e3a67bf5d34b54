import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Collection, type Document, type Filter, type FindOptions } from 'mongodb';
import { useDriverFixture } from './driver-fixture.spec-support';
import { startEmbeddedMongo } from './embedded-mongo';

const DAY_MS = 86_400_000;

/**
 * Date ranges on a field an index starts with must give exactly what a scan gives, while examining only the
 * documents in the range. Each query also runs wrapped in `$and` (never eligible: only top-level conditions
 * are looked at), and serverStatus' scannedObjects tells how many documents each one examined.
 */
describe('embedded-mongo date-range look-ups', () => {
  const fixture = useDriverFixture('ranges');
  const now = new Date();
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);

  const scannedObjects = () => serverScanned(fixture.client);

  async function measured<T>(action: () => Promise<T>): Promise<{ result: T; examined: number }> {
    const before = await scannedObjects();
    const result = await action();
    return { result, examined: (await scannedObjects()) - before };
  }

  async function compare(coll: Collection, filter: Document, options: FindOptions = {}) {
    const sorted: FindOptions = { sort: { _id: 1 }, ...options };
    const fast = await measured(() => coll.find(filter as Filter<Document>, sorted).toArray());
    const scan = await measured(() => coll.find({ $and: [filter as Filter<Document>] }, sorted).toArray());
    expect(fast.result).toEqual(scan.result);
    return { ids: fast.result.map((doc) => doc['_id'] as unknown), examined: fast.examined, scanExamined: scan.examined };
  }

  it('examines only the documents whose indexed date lies in the range, bounds open or closed', async () => {
    const certs = fixture.db.collection('certs');
    await certs.createIndex({ dueAt: 1, _id: 1 }, { name: 'due' });
    // Day i for _id i; _id 100 has no date, 101 a null, 102 a string, 103 a number: no range matches them.
    await certs.insertMany([
      ...Array.from({ length: 100 }, (_, i) => ({ _id: i, dueAt: at(i) })),
      { _id: 100 }, { _id: 101, dueAt: null }, { _id: 102, dueAt: 'soon' }, { _id: 103, dueAt: now.getTime() },
    ] as never[]);

    expect(await compare(certs, { dueAt: { $lte: at(4) } })).toEqual({ ids: [0, 1, 2, 3, 4], examined: 5, scanExamined: 104 });
    expect(await compare(certs, { dueAt: { $gt: at(2), $lt: at(5) } })).toMatchObject({ ids: [3, 4], examined: 2 });
    expect(await compare(certs, { dueAt: { $gte: at(97) } })).toMatchObject({ ids: [97, 98, 99], examined: 3 });
    expect(await compare(certs, { dueAt: at(50) })).toMatchObject({ ids: [50], examined: 1 });
    expect(await compare(certs, { dueAt: { $eq: at(51), $lte: at(60) } })).toMatchObject({ ids: [51], examined: 1 });
    expect(await compare(certs, { dueAt: { $lt: at(0) } })).toMatchObject({ ids: [], examined: 0 });
    // Other conditions are applied to the candidates only.
    expect(await compare(certs, { dueAt: { $lte: at(9) }, _id: { $mod: [2, 0] } })).toMatchObject({ ids: [0, 2, 4, 6, 8], examined: 10 });
    // Keyset pagination in the form the expiry scan uses.
    const page = { dueAt: { $gte: at(3), $lte: at(6) }, $or: [{ dueAt: { $gt: at(3) } }, { _id: { $gt: 3 } }] };
    expect(await compare(certs, page, { sort: { dueAt: 1, _id: 1 }, limit: 2 })).toMatchObject({ ids: [4, 5], examined: 4 });
    expect(await measured(() => certs.countDocuments({ dueAt: { $lte: at(9) } }))).toEqual({ result: 10, examined: 10 });
    // Not a date range: scanned.
    expect((await compare(certs, { dueAt: { $lte: now.getTime() } })).examined).toBe(104);
    expect((await compare(certs, { dueAt: { $lte: at(3), $ne: at(1) } })).examined).toBe(104);
  });

  it('follows inserts, updates and deletes, and scans when no index leads with the field', async () => {
    const certs = fixture.db.collection('moving');
    await certs.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: i, dueAt: at(i), notAfter: at(i + 30) })) as never[]);
    expect((await compare(certs, { dueAt: { $lte: at(1) } })).examined).toBe(20);
    expect((await compare(certs, { notAfter: { $lte: at(31) } })).examined).toBe(20);

    await certs.createIndex({ dueAt: 1 });
    expect(await compare(certs, { dueAt: { $lte: at(1) } })).toMatchObject({ ids: [0, 1], examined: 2 });
    await certs.updateOne({ _id: 0 } as never, { $set: { dueAt: at(10) } });
    await certs.updateOne({ _id: 5 } as never, { $unset: { dueAt: '' } });
    await certs.updateOne({ _id: 6 } as never, { $set: { dueAt: at(-1) } });
    await certs.deleteOne({ _id: 1 } as never);
    await certs.insertOne({ _id: 20, dueAt: at(0) } as never);
    expect(await compare(certs, { dueAt: { $lte: at(1) } })).toMatchObject({ ids: [6, 20], examined: 2 });
    expect(await compare(certs, { dueAt: { $gte: at(4), $lte: at(10) } })).toMatchObject({ ids: [0, 4, 7, 8, 9, 10], examined: 6 });

    await certs.dropIndex('dueAt_1');
    expect((await compare(certs, { dueAt: { $lte: at(1) } })).examined).toBe(20);
  });

  it('lists every date of an array, and keeps a document with nested arrays among the candidates of every range', async () => {
    const certs = fixture.db.collection('arrays');
    await certs.createIndex({ 'window.at': 1 });
    await certs.insertMany([
      { _id: 1, window: [{ at: at(1) }, { at: at(8) }] },
      { _id: 2, window: { at: [at(2), at(3)] } },
      { _id: 3, window: { at: [[at(1)]] } },
      { _id: 4, window: { at: at(20) } },
    ] as never[]);
    // _id 3's date sits in an inner array: examined by every range, matched by none (as in a scan).
    expect(await compare(certs, { 'window.at': { $lte: at(2) } })).toMatchObject({ ids: [1, 2], examined: 3 });
    expect(await compare(certs, { 'window.at': { $gte: at(8), $lte: at(9) } })).toMatchObject({ ids: [1], examined: 2 });
  });

  it('ignores a partial index, which leaves out documents the range can match', async () => {
    const certs = fixture.db.collection('partial');
    await certs.createIndex({ dueAt: 1 }, { partialFilterExpression: { active: true } });
    await certs.insertMany([{ _id: 1, dueAt: at(1), active: true }, { _id: 2, dueAt: at(1), active: false }] as never[]);
    expect(await compare(certs, { dueAt: { $lte: at(2) } })).toEqual({ ids: [1, 2], examined: 2, scanExamined: 2 });
  });

  it('rebuilds the date order when a server starts from its data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'embedded-mongo-ranges-'));
    const run = async (work: (coll: Collection, scanned: () => Promise<number>) => Promise<void>) => {
      const server = await startEmbeddedMongo({ port: 0, dataDir, fsync: false });
      const client = await MongoClient.connect(server.url);
      try {
        await work(client.db('ranges').collection('restarted'), () => serverScanned(client));
      } finally {
        await client.close();
        await server.stop();
      }
    };
    try {
      await run(async (coll) => {
        await coll.createIndex({ dueAt: 1 });
        await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i, dueAt: at(i) })) as never[]);
      });
      await run(async (coll, scanned) => {
        const before = await scanned();
        expect((await coll.find({ dueAt: { $lte: at(2) } }).toArray()).map((doc) => doc['_id'] as unknown)).toEqual([0, 1, 2]);
        expect((await scanned()) - before).toBe(3);
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function serverScanned(client: MongoClient): Promise<number> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  return Number((status['metrics'] as { queryExecutor: { scannedObjects: number } }).queryExecutor.scannedObjects);
}
