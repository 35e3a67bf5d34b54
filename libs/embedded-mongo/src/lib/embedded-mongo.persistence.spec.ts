import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Binary, Long, MongoClient } from 'mongodb';
import { useTempDataDir, withServer } from './data-dir.spec-support';
import { startEmbeddedMongo } from './embedded-mongo';

const LIB_ROOT = join(__dirname, '..', '..');

/** The CLI in a child process (through ts-node), so the test can kill it without a clean stop. */
function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(LIB_ROOT, 'src', 'cli.ts'), '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PROJECT: join(LIB_ROOT, 'tsconfig.lib.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /embedded-mongo listening on (mongodb:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
  });
}

function journalFiles(dataDir: string): string[] {
  return readdirSync(dataDir).filter((name) => name.startsWith('journal-')).sort();
}

describe('embedded-mongo persistence', () => {
  const dirs = useTempDataDir();

  it('brings documents and indexes back after a clean stop', async () => {
    await withServer(dirs.dataDir, async (client) => {
      const coll = client.db('app').collection('things');
      await coll.createIndex({ name: 1 }, { unique: true, name: 'name_unique' });
      await coll.insertMany([
        { _id: 1, name: 'one', blob: new Binary(Buffer.from('xyz'), 4), big: Long.fromNumber(5) },
        { _id: 2, name: 'two' },
      ] as never[]);
      await coll.updateOne({ _id: 2 } as never, { $set: { extra: true } });
      await coll.deleteOne({ _id: 1 } as never);
      await coll.insertOne({ _id: 3, name: 'three', blob: new Binary(Buffer.from('xyz'), 4), big: Long.fromNumber(5) } as never);
      await client.db('gone').collection('c').insertOne({ a: 1 });
      await client.db('gone').dropDatabase();
    });
    expect(readdirSync(dirs.dataDir)).toContain('snapshot.bson');
    await withServer(dirs.dataDir, async (client) => {
      const coll = client.db('app').collection('things');
      expect(await coll.find({}, { promoteLongs: false }).toArray()).toEqual([
        { _id: 2, name: 'two', extra: true },
        { _id: 3, name: 'three', blob: new Binary(Buffer.from('xyz'), 4), big: Long.fromNumber(5) },
      ]);
      expect((await coll.listIndexes().toArray()).map((index) => index.name)).toEqual(['_id_', 'name_unique']);
      await expect(coll.insertOne({ name: 'two' })).rejects.toMatchObject({ code: 11000 });
      expect((await client.db().admin().listDatabases({ nameOnly: true })).databases.map((d) => d.name)).toEqual(['app']);
    });
  });

  it('keeps acknowledged writes through a crash and ignores a torn record at the end of the journal', async () => {
    const { child, url } = await startCli(dirs.dataDir);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const client = await MongoClient.connect(url);
      const coll = client.db('app').collection('crash');
      await coll.createIndex({ k: 1 }, { unique: true });
      await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, k: `k${i}` })) as never[]);
      await coll.updateOne({ _id: 7 } as never, { $set: { k: 'seven' } });
      await client.close();
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const [journal] = journalFiles(dirs.dataDir);
    const size = statSync(join(dirs.dataDir, journal)).size;
    expect(size).toBeGreaterThan(0);
    // A half-written record: a plausible length prefix, then too few bytes.
    appendFileSync(join(dirs.dataDir, journal), Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7]));
    const log: string[] = [];
    const server = await startEmbeddedMongo({ port: 0, dataDir: dirs.dataDir, log: (line) => log.push(line) });
    const client = await MongoClient.connect(server.url);
    try {
      const coll = client.db('app').collection('crash');
      expect(await coll.countDocuments()).toBe(50);
      expect(await coll.findOne({ _id: 7 } as never)).toEqual({ _id: 7, k: 'seven' });
      await expect(coll.insertOne({ k: 'k8' })).rejects.toMatchObject({ code: 11000 });
      expect(log.some((line) => line.includes('dropping 11 bytes'))).toBe(true);
    } finally {
      await client.close();
      await server.stop();
    }
  }, 30_000);

  it('makes writes acknowledged with j: false durable with the next journaled write, through a crash', async () => {
    const { child, url } = await startCli(dirs.dataDir);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const client = await MongoClient.connect(url);
      const coll = client.db('app').collection('deferred');
      const later = { writeConcern: { j: false } };
      await coll.insertOne({ _id: 1, step: 'claim' } as never, later);
      await coll.insertOne({ _id: 2, step: 'write' } as never, later);
      await coll.updateOne({ _id: 1 } as never, { $set: { step: 'decided' } });
      await client.close();
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    await withServer(dirs.dataDir, async (client) => {
      expect(await client.db('app').collection('deferred').find().toArray()).toEqual([
        { _id: 1, step: 'decided' },
        { _id: 2, step: 'write' },
      ]);
    });
  }, 30_000);

  it('refuses a second server on the same data directory', async () => {
    const first = await startEmbeddedMongo({ port: 0, dataDir: dirs.dataDir });
    try {
      await expect(startEmbeddedMongo({ port: 0, dataDir: dirs.dataDir })).rejects.toThrow(/already in use by process \d+/);
    } finally {
      await first.stop();
    }
    // A lock left behind with a pid that is now ours (a restarted container) is stale, not a conflict.
    writeFileSync(join(dirs.dataDir, 'embedded-mongo.lock'), `${process.pid}\n`);
    const again = await startEmbeddedMongo({ port: 0, dataDir: dirs.dataDir });
    await again.stop();
    expect(readdirSync(dirs.dataDir)).not.toContain('embedded-mongo.lock');
  });

  it('compacts a large journal into a snapshot while running', async () => {
    const server = await startEmbeddedMongo({ port: 0, dataDir: dirs.dataDir, compactJournalAtBytes: 64 * 1024 });
    const client = await MongoClient.connect(server.url);
    try {
      const coll = client.db('app').collection('big');
      for (let i = 0; i < 40; i += 1) {
        await coll.insertMany(Array.from({ length: 25 }, (_, j) => ({ _id: i * 25 + j, pad: 'x'.repeat(200) })) as never[]);
      }
      // Compaction runs after the batch that crossed the threshold is acknowledged: wait for it to finish.
      const deadline = Date.now() + 5_000;
      while (journalFiles(dirs.dataDir).length !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(readdirSync(dirs.dataDir)).toContain('snapshot.bson');
      const [journal] = journalFiles(dirs.dataDir);
      expect(journalFiles(dirs.dataDir)).toHaveLength(1);
      expect(Number(/\d+/.exec(journal)?.[0])).toBeGreaterThan(2);
      expect(statSync(join(dirs.dataDir, journal)).size).toBeLessThan(2 * 64 * 1024);
    } finally {
      await client.close();
      await server.stop();
    }
    await withServer(dirs.dataDir, async (client) => {
      expect(await client.db('app').collection('big').countDocuments()).toBe(1000);
    });
  });
});
