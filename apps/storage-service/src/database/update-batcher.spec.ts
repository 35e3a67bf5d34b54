import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import { MongoClient, MongoServerError, type CommandStartedEvent } from 'mongodb';
import { UpdateBatcher } from './update-batcher';

describe('UpdateBatcher (on a MongoDB-protocol server)', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;
  beforeAll(async () => {
    server = await startEmbeddedMongo({ port: 0 });
    client = await new MongoClient(server.url, { monitorCommands: true }).connect();
    await things().createIndex({ name: 1 }, { unique: true, name: 'name_unique' });
    await things().insertMany(Array.from({ length: 40 }, (_, index) => ({ _id: index as never, name: `thing-${index}`, state: 'open' })));
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  const things = () => client.db('batch').collection('things');
  const closeOne = (batcher: UpdateBatcher, id: number) => batcher.updateOne({ _id: id, state: 'open' }, { $set: { state: 'closed' } });

  /** How many statements each update command sent while `work` ran carried. */
  async function updateCommands(work: () => Promise<unknown>): Promise<number[]> {
    const sent: number[] = [];
    const seen = (event: CommandStartedEvent) => {
      if (event.commandName === 'update') sent.push((event.command['updates'] as unknown[]).length);
    };
    client.on('commandStarted', seen);
    try {
      await work();
    } finally {
      client.off('commandStarted', seen);
    }
    return sent;
  }

  it('sends one update alone at once, concurrent ones together, and says each changed its document when all did', async () => {
    const batcher = new UpdateBatcher(things());
    let answers: string[] = [];
    const sent = await updateCommands(async () => (answers = await Promise.all(Array.from({ length: 20 }, (_, id) => closeOne(batcher, id)))));
    expect(sent).toEqual([1, 19]);
    expect(answers).toEqual(Array(20).fill('modified'));
    expect(await things().countDocuments({ _id: { $lt: 20 } as never, state: 'closed' })).toBe(20);
  });

  it('cannot say which statements changed a document once one of the batch changed none, and applies the others', async () => {
    const batcher = new UpdateBatcher(things());
    // 20 goes alone; 21, 5 (closed above, so it matches nothing) and 22 share the next command.
    const answers = await Promise.all([20, 21, 5, 22].map((id) => closeOne(batcher, id)));
    expect(answers).toEqual(['modified', 'unknown', 'unknown', 'unknown']);
    expect(await things().countDocuments({ _id: { $in: [21, 22] } as never, state: 'closed' })).toBe(2);
  });

  it("fails only the statement the database refuses, with that statement's error", async () => {
    const batcher = new UpdateBatcher(things());
    const results = await Promise.allSettled([
      closeOne(batcher, 30),
      closeOne(batcher, 31),
      batcher.updateOne({ _id: 32 }, { $set: { name: 'thing-33' } }),
      closeOne(batcher, 34),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(MongoServerError);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 11000 });
    expect(await things().countDocuments({ _id: { $in: [31, 34] } as never, state: 'closed' })).toBe(2);
  });
});
