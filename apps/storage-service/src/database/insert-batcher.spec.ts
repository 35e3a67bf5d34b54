import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import { MongoClient, MongoServerError, type CommandStartedEvent } from 'mongodb';
import { InsertBatcher } from './insert-batcher';

describe('InsertBatcher (on a MongoDB-protocol server)', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;
  beforeAll(async () => {
    server = await startEmbeddedMongo({ port: 0 });
    client = await new MongoClient(server.url, { monitorCommands: true }).connect();
    await client.db('batch').collection('things').createIndex({ name: 1 }, { unique: true, name: 'name_unique' });
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  const things = () => client.db('batch').collection('things');
  /** The insert commands sent while `work` runs, with how many documents each carried. */
  async function insertCommands(work: () => Promise<unknown>): Promise<{ documents: number; writeConcern: unknown }[]> {
    const sent: { documents: number; writeConcern: unknown }[] = [];
    const seen = (event: CommandStartedEvent) => {
      if (event.commandName === 'insert') sent.push({ documents: (event.command['documents'] as unknown[]).length, writeConcern: event.command['writeConcern'] });
    };
    client.on('commandStarted', seen);
    try {
      await work();
    } finally {
      client.off('commandStarted', seen);
    }
    return sent;
  }

  it('sends one insert alone at once, and concurrent ones together while it is on its way', async () => {
    const batcher = new InsertBatcher(things(), { j: false });
    const alone = await insertCommands(() => batcher.insert({ name: 'alone' }));
    expect(alone).toEqual([{ documents: 1, writeConcern: { j: false } }]);

    const names = Array.from({ length: 40 }, (_, index) => `together-${index}`);
    const together = await insertCommands(() => Promise.all(names.map((name) => batcher.insert({ name }))));
    // The first goes at once; the 39 that arrive while it is on its way go in the next command.
    expect(together.map((command) => command.documents)).toEqual([1, 39]);
    expect(await things().countDocuments({ name: { $in: names } })).toBe(40);
  });

  it('fails only the document whose key is taken, as a single insert fails, and stores the rest', async () => {
    const batcher = new InsertBatcher(things(), {});
    await batcher.insert({ name: 'taken' });
    const results = await Promise.allSettled(['free-1', 'taken', 'free-2'].map((name) => batcher.insert({ name })));

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failure = (results[1] as PromiseRejectedResult).reason as MongoServerError;
    expect(failure).toBeInstanceOf(MongoServerError);
    expect(failure).toMatchObject({ code: 11000, errmsg: expect.stringMatching(/duplicate key/) });
    expect(await things().countDocuments({ name: { $in: ['free-1', 'free-2'] } })).toBe(2);
  });

  it('fails every document of a command that could not be sent', async () => {
    const closed = await new MongoClient(server.url).connect();
    await closed.close();
    const batcher = new InsertBatcher(closed.db('batch').collection('things'), {});
    const results = await Promise.allSettled([batcher.insert({ name: 'lost-1' }), batcher.insert({ name: 'lost-2' })]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await things().countDocuments({ name: { $in: ['lost-1', 'lost-2'] } })).toBe(0);
  });
});
