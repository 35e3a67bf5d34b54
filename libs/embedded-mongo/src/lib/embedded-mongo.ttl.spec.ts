import type { Collection } from 'mongodb';
import { crashImage, eventually, useTempDataDir, withServer } from './data-dir.spec-support';
import { useDriverFixture } from './driver-fixture.spec-support';

interface Session {
  _id: string;
  token?: string;
  lastSeen?: unknown;
}

const TEST_INTERVAL_MS = 25;
const past = () => new Date(Date.now() - 60_000);
const future = () => new Date(Date.now() + 3_600_000);

async function ids(collection: Collection<Session>): Promise<string[]> {
  return (await collection.find().toArray()).map((doc) => doc._id).sort();
}

/** Long enough for several monitor passes at TEST_INTERVAL_MS. */
function severalPasses(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, TEST_INTERVAL_MS * 8));
}

describe('embedded-mongo TTL monitor', () => {
  const fixture = useDriverFixture('ttl', {}, { ttlMonitorIntervalMs: TEST_INTERVAL_MS });

  it('removes documents whose indexed date has passed, and keeps fresh, missing and non-date values', async () => {
    const sessions = fixture.db.collection<Session>('sessions');
    await sessions.createIndex({ lastSeen: 1 }, { expireAfterSeconds: 1 });
    await sessions.createIndex({ token: 1 }, { unique: true, sparse: true });
    await sessions.insertMany([
      { _id: 'expired', token: 'reused', lastSeen: past() },
      // The earliest Date of an array decides, as mongod's index range over every element does.
      { _id: 'expired-array', lastSeen: [future(), 'soon', past()] },
      { _id: 'fresh', lastSeen: future() },
      { _id: 'fresh-array', lastSeen: [future(), 'long ago'] },
      { _id: 'no-field' },
      { _id: 'string', lastSeen: past().toISOString() },
      { _id: 'millis', lastSeen: past().getTime() },
      { _id: 'nested-array', lastSeen: [[past()]] },
    ]);
    await eventually(async () => (await sessions.countDocuments({ _id: { $in: ['expired', 'expired-array'] } })) === 0);
    await severalPasses();
    expect(await ids(sessions)).toEqual(['fresh', 'fresh-array', 'millis', 'nested-array', 'no-field', 'string']);
    // Removed like a delete: the unique index no longer holds the expired document's key.
    await expect(sessions.insertOne({ _id: 'again', token: 'reused', lastSeen: future() })).resolves.toMatchObject({ insertedId: 'again' });
  });

  it('expires only what a partial TTL index holds, and ignores compound indexes as mongod does', async () => {
    const partial = fixture.db.collection<Session & { kind?: string }>('partial');
    await partial.createIndex({ lastSeen: 1 }, { expireAfterSeconds: 0, partialFilterExpression: { kind: 'temp' } });
    await partial.insertMany([
      { _id: 'temp', kind: 'temp', lastSeen: past() },
      { _id: 'kept', kind: 'keep', lastSeen: past() },
    ]);
    const compound = fixture.db.collection<Session>('compound');
    await compound.createIndex({ lastSeen: 1, token: 1 }, { expireAfterSeconds: 0 });
    await compound.insertOne({ _id: 'old', token: 't', lastSeen: past() });
    await eventually(async () => (await partial.countDocuments({ _id: 'temp' })) === 0);
    await severalPasses();
    expect(await ids(partial)).toEqual(['kept']);
    expect(await ids(compound)).toEqual(['old']);
  });
});

describe('embedded-mongo TTL monitor with a data directory', () => {
  const dirs = useTempDataDir();

  it('journals its deletions, so expired documents stay gone after a crash', async () => {
    let image = '';
    await withServer(dirs.dataDir, async (client) => {
      const sessions = client.db('app').collection<Session>('sessions');
      await sessions.createIndex({ lastSeen: 1 }, { expireAfterSeconds: 1 });
      await sessions.insertMany([{ _id: 'expired', lastSeen: past() }, { _id: 'fresh', lastSeen: future() }]);
      await eventually(async () => (await sessions.countDocuments({ _id: 'expired' })) === 0);
      // The journal is written in order: once this write is acknowledged, the deletion before it is on disk.
      await sessions.insertOne({ _id: 'marker' });
      image = crashImage(dirs.dataDir);
    }, { ttlMonitorIntervalMs: TEST_INTERVAL_MS });
    // Default interval: this server's own monitor cannot run before the test has looked.
    await withServer(image, async (client) => {
      expect(await ids(client.db('app').collection<Session>('sessions'))).toEqual(['fresh', 'marker']);
    });
  });

  it('refuses an interval setInterval cannot honour', async () => {
    await expect(withServer(dirs.dataDir, async () => undefined, { ttlMonitorIntervalMs: 0 })).rejects.toThrow(RangeError);
    // Checked before the directory is locked: a valid start right after succeeds.
    await withServer(dirs.dataDir, async () => undefined);
  });
});
