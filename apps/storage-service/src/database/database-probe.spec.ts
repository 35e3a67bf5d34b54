import type { StorageConfig } from '@certhub/config';
import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import mongoose, { type Connection } from 'mongoose';
import { DatabaseProbe, STUCK_AFTER_MS } from './database-probe.service';
import { MONGO_CONNECTION_OPTIONS } from './mongo-connection-options';

let server: EmbeddedMongo;
let connection: Connection;
let probe: DatabaseProbe;
beforeEach(async () => {
  server = await startEmbeddedMongo({ port: 0 });
  const mongoUrl = `${server.url}/probe`;
  connection = await mongoose.createConnection(mongoUrl, MONGO_CONNECTION_OPTIONS).asPromise();
  probe = new DatabaseProbe(connection, { mongoUrl } as StorageConfig);
});
afterEach(async () => {
  await connection.close(true);
  await server.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const insertOne = () => connection.collection('things').insertOne({ at: new Date() });

describe('DatabaseProbe', () => {
  it('says reachable from what the database answers, whatever state mongoose believes it is in', async () => {
    expect(probe.reachable()).toBe(false);
    // The state seen stuck after a restart: mongoose says disconnected while the database answers.
    (connection as { readyState: number }).readyState = mongoose.ConnectionStates.disconnected;
    expect(connection.readyState).toBe(mongoose.ConnectionStates.disconnected);

    await probe.probe();

    expect(probe.reachable()).toBe(true);
  });

  it('says unreachable while the database is down', async () => {
    await probe.probe();
    await server.stop();

    await sleep(3_100);
    await probe.probe();

    expect(probe.reachable()).toBe(false);
  });

  it(
    'opens its connection again when a fresh client is answered and ours is not, so no restart of the service is needed',
    async () => {
      // Our client broken behind mongoose's back: every operation on it now fails, as a stuck driver's do.
      await connection.getClient().close();
      await expect(insertOne()).rejects.toThrow();

      const deadline = Date.now() + STUCK_AFTER_MS + 5_000;
      while (!probe.reachable() && Date.now() < deadline) {
        await probe.probe();
        await sleep(250);
      }

      expect(probe.reachable()).toBe(true);
      await expect(insertOne()).resolves.toMatchObject({ acknowledged: true });
    },
    STUCK_AFTER_MS + 15_000,
  );

  it('does not reopen while the database itself is down: a fresh client is not answered either', async () => {
    const client = connection.getClient();
    await server.stop();

    const deadline = Date.now() + STUCK_AFTER_MS + 2_000;
    while (Date.now() < deadline) {
      await probe.probe();
      await sleep(500);
    }

    expect(connection.getClient()).toBe(client);
    expect(probe.reachable()).toBe(false);
  }, STUCK_AFTER_MS + 20_000);
});
