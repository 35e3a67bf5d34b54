import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import { startCerthubStack, startNatsServer, type CerthubStack, type NatsServerHandle, type ServiceName } from '@certhub/testing';
import { MongoClient, type Db } from 'mongodb';
import type { ServiceRole } from '@certhub/contracts';
import type { NatsConnection } from 'nats';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAs, connectAsInspector } from '@certhub/testing';

export interface SuiteEnvironment {
  readonly nats: NatsServerHandle;
  readonly mongo: EmbeddedMongo;
  readonly stack: CerthubStack;
  /** The database the storage service writes, read directly to check what was really stored. */
  readonly db: Db;
  /** The observer identity: every tenant's events and the dead letters, read-only, as a dashboard connects. */
  readonly observer: NatsConnection;
  /** A test-only identity allowed everything, to look where no real identity may (see bus-identities.ts). */
  readonly inspector: NatsConnection;
  /** A new connection under one of certhub's service identities (closed with the environment). */
  connectAs(role: ServiceRole): Promise<NatsConnection>;
  /** Stops the MongoDB-protocol server (the storage service loses its database). */
  stopMongo(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  startMongo(): Promise<void>;
  close(): Promise<void>;
}

export interface SuiteOptions {
  readonly env?: Partial<Record<ServiceName, Record<string, string>>>;
  readonly logFile?: string;
}

const DATABASE = 'certhub';

/**
 * Everything one suite needs, private to it: a real nats-server with JetStream, the MongoDB-protocol
 * server over TCP, and the three built services as child processes.
 */
export async function startSuiteEnvironment(options: SuiteOptions = {}): Promise<SuiteEnvironment> {
  const nats = await startNatsServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'certhub-mongo-'));
  // Data on disk so the server can be stopped and started again; no fsync, as no test pulls the plug on it.
  let mongo = await startEmbeddedMongo({ port: 0, dataDir, fsync: false });
  const port = mongo.port;
  const stack = await startCerthubStack({
    nats,
    mongoUrl: `${mongo.url}/${DATABASE}`,
    env: options.env,
    logFile: options.logFile ?? process.env['CERTHUB_TEST_LOG'],
  }).catch(async (error: unknown) => {
    // Nothing of a suite that did not start may keep running: a live server keeps the test runner alive.
    await mongo.stop();
    await nats.dispose();
    throw error;
  });
  const client = await MongoClient.connect(mongo.url);
  const observer = await connectAs(nats, 'observer');
  const inspector = await connectAsInspector(nats);
  const extra: NatsConnection[] = [];
  return {
    nats,
    get mongo() {
      return mongo;
    },
    stack,
    db: client.db(DATABASE),
    observer,
    inspector,
    connectAs: async (role) => {
      const connection = await connectAs(nats, role);
      extra.push(connection);
      return connection;
    },
    stopMongo: () => mongo.stop(),
    startMongo: async () => {
      mongo = await startEmbeddedMongo({ port, dataDir, fsync: false });
    },
    close: async () => {
      await Promise.all([observer, inspector, ...extra].map((connection) => connection.drain().catch(() => undefined)));
      await client.close();
      await stack.dispose();
      await mongo.stop();
      await nats.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
