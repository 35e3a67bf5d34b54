import type { Collection, Db } from 'mongodb';
import { crashImage, useTempDataDir, withServer } from './data-dir.spec-support';
import { useDriverFixture } from './driver-fixture.spec-support';

async function indexOptions(collection: Collection): Promise<Array<{ name: string; expireAfterSeconds?: number }>> {
  return (await collection.listIndexes().toArray()).map((index) => ({
    name: String(index.name),
    ...(index.expireAfterSeconds === undefined ? {} : { expireAfterSeconds: index.expireAfterSeconds as number }),
  }));
}

function createRetention(db: Db, expireAfterSeconds: number) {
  return db.command({ createIndexes: 'outcomes', indexes: [{ key: { createdAt: 1 }, name: 'retention', expireAfterSeconds }] });
}

describe('embedded-mongo collMod with a data directory', () => {
  const dirs = useTempDataDir();

  it('changes a TTL index in place, after which createIndexes with the new value is a no-op, across restarts', async () => {
    let image = '';
    await withServer(dirs.dataDir, async (client) => {
      const db = client.db('app');
      const outcomes = db.collection('outcomes');
      await createRetention(db, 3600);
      await outcomes.createIndex({ status: 1 });
      await expect(db.command({ collMod: 'outcomes', index: { name: 'retention', expireAfterSeconds: 60 } })).resolves.toEqual({
        expireAfterSeconds_old: 3600, expireAfterSeconds_new: 60, ok: 1,
      });
      await expect(db.command({ collMod: 'outcomes', index: { keyPattern: { createdAt: 1 }, expireAfterSeconds: 120 } })).resolves.toEqual({
        expireAfterSeconds_old: 60, expireAfterSeconds_new: 120, ok: 1,
      });
      expect(await indexOptions(outcomes)).toEqual([
        { name: '_id_' }, { name: 'retention', expireAfterSeconds: 120 }, { name: 'status_1' },
      ]);
      await expect(createRetention(db, 120)).resolves.toMatchObject({ note: 'all indexes already exist', ok: 1 });
      await expect(createRetention(db, 3600)).rejects.toMatchObject({ code: 85 });
      await expect(db.command({ collMod: 'outcomes' })).resolves.toEqual({ ok: 1 });
      image = crashImage(dirs.dataDir);
    });
    // The crash image replays the journal; the cleanly stopped directory loads its snapshot: both know 120.
    for (const dataDir of [image, dirs.dataDir]) {
      await withServer(dataDir, async (client) => {
        const db = client.db('app');
        expect(await indexOptions(db.collection('outcomes'))).toEqual([
          { name: '_id_' }, { name: 'retention', expireAfterSeconds: 120 }, { name: 'status_1' },
        ]);
        await expect(createRetention(db, 120)).resolves.toMatchObject({ note: 'all indexes already exist', ok: 1 });
      });
    }
  });
});

describe('embedded-mongo collMod', () => {
  const fixture = useDriverFixture('collmod');

  it('answers like mongod for a missing index or collection, and changes nothing', async () => {
    const items = fixture.db.collection('items');
    await items.createIndex({ seenAt: 1 }, { expireAfterSeconds: 10 });
    await expect(fixture.db.command({ collMod: 'items', index: { name: 'nope', expireAfterSeconds: 5 } })).rejects.toMatchObject({
      code: 27, codeName: 'IndexNotFound', message: 'cannot find index nope for ns collmod.items',
    });
    await expect(fixture.db.command({ collMod: 'items', index: { keyPattern: { other: 1 }, expireAfterSeconds: 5 } })).rejects.toMatchObject({
      code: 27, message: 'cannot find index { other: 1 } for ns collmod.items',
    });
    await expect(fixture.db.command({ collMod: 'missing', index: { name: 'seenAt_1', expireAfterSeconds: 5 } })).rejects.toMatchObject({
      code: 26, codeName: 'NamespaceNotFound',
    });
    await expect(fixture.db.command({ collMod: 'missing' })).rejects.toMatchObject({ code: 26 });
    expect(await indexOptions(items)).toEqual([{ name: '_id_' }, { name: 'seenAt_1', expireAfterSeconds: 10 }]);
  });

  it('refuses malformed or unsupported changes', async () => {
    const items = fixture.db.collection('checked');
    await items.createIndex({ seenAt: 1 }, { expireAfterSeconds: 10 });
    await items.createIndex({ a: 1, b: 1 });
    const collMod = (index: object) => fixture.db.command({ collMod: 'checked', index });
    await expect(collMod({ name: 'seenAt_1' })).rejects.toMatchObject({ code: 72, message: 'no expireAfterSeconds or hidden field' });
    await expect(collMod({ name: 'seenAt_1', keyPattern: { seenAt: 1 }, expireAfterSeconds: 5 })).rejects.toMatchObject({ code: 72 });
    await expect(collMod({ expireAfterSeconds: 5 })).rejects.toMatchObject({ code: 72 });
    await expect(collMod({ name: 'seenAt_1', expireAfterSeconds: -1 })).rejects.toMatchObject({ code: 72 });
    await expect(collMod({ name: 'seenAt_1', expireAfterSeconds: '5' })).rejects.toMatchObject({ code: 72 });
    await expect(collMod({ name: 'seenAt_1', expireAfterSeconds: 5, bogus: 1 })).rejects.toMatchObject({ code: 40415 });
    await expect(collMod({ name: 'seenAt_1', hidden: true })).rejects.toMatchObject({ code: 115 });
    await expect(collMod({ name: '_id_', expireAfterSeconds: 5 })).rejects.toMatchObject({ code: 72 });
    await expect(collMod({ name: 'a_1_b_1', expireAfterSeconds: 5 })).rejects.toMatchObject({ code: 72 });
    await expect(fixture.db.command({ collMod: 'checked', validator: { a: 1 } })).rejects.toMatchObject({ code: 115 });
    expect(await indexOptions(items)).toEqual([{ name: '_id_' }, { name: 'seenAt_1', expireAfterSeconds: 10 }, { name: 'a_1_b_1' }]);
  });

  it('turns a plain single-field index into a TTL index, as MongoDB 5.1+ does', async () => {
    const items = fixture.db.collection('converted');
    await items.createIndex({ seenAt: 1 });
    await expect(fixture.db.command({ collMod: 'converted', index: { name: 'seenAt_1', expireAfterSeconds: 30 } })).resolves.toEqual({
      expireAfterSeconds_new: 30, ok: 1,
    });
    expect(await indexOptions(items)).toEqual([{ name: '_id_' }, { name: 'seenAt_1', expireAfterSeconds: 30 }]);
  });
});
