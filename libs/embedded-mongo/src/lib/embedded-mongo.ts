import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import type { ServerState } from './commands/command-context';
import { CursorRegistry } from './commands/cursor-registry';
import { DurableStore } from './persistence/durable-store';
import { IN_MEMORY_ONLY, type Durability } from './persistence/durability';
import { Catalog } from './storage/catalog';
import { TtlMonitor, ttlMonitorInterval } from './storage/ttl-monitor';
import { serveConnection } from './wire/connection';

export interface EmbeddedMongoOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where to keep the journal and snapshot; undefined keeps everything in memory only. */
  dataDir?: string;
  /** fsync the journal before acknowledging a write; default true. */
  fsync?: boolean;
  /** Compact the journal into a snapshot once it grows past this many bytes; default 64 MiB. */
  compactJournalAtBytes?: number;
  /** Receives the few lines worth reporting (dropped connections, repaired journals); default silent. */
  log?: (line: string) => void;
  /**
   * How often expired documents of TTL (`expireAfterSeconds`) indexes are removed; default 60 000, mongod's
   * ttlMonitorSleepSecs. Tests set it small instead of waiting a minute.
   */
  ttlMonitorIntervalMs?: number;
}

export interface EmbeddedMongo {
  readonly host: string;
  readonly port: number;
  /** `mongodb://host:port`, for MongoClient / mongoose.connect. */
  readonly url: string;
  /** Stops listening, closes client connections, flushes and compacts the journal. */
  stop(): Promise<void>;
}

const DEFAULT_COMPACT_AT_BYTES = 64 * 1024 * 1024;

/** Starts a MongoDB wire-protocol server in this process; see docs/embedded-mongo.md for what it does. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  // Checked before the data directory is locked, so a bad value leaves nothing to clean up.
  const ttlIntervalMs = ttlMonitorInterval(options.ttlMonitorIntervalMs);
  const catalog = new Catalog();
  const durability: Durability = options.dataDir
    ? await DurableStore.open(catalog, {
        dir: resolve(options.dataDir),
        fsync: options.fsync ?? true,
        compactAtBytes: options.compactJournalAtBytes ?? DEFAULT_COMPACT_AT_BYTES,
        log,
      })
    : IN_MEMORY_ONLY;
  const state: ServerState = {
    catalog,
    cursors: new CursorRegistry(),
    durability,
    startedAt: new Date(),
    connections: { current: 0, totalCreated: 0 },
  };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    state.connections.current += 1;
    state.connections.totalCreated += 1;
    socket.setNoDelay(true);
    socket.on('close', () => {
      sockets.delete(socket);
      state.connections.current -= 1;
    });
    serveConnection(socket, state, state.connections.totalCreated, log);
  });
  server.on('error', (error) => log(`embedded-mongo: listener error: ${error.message}`));
  try {
    await listen(server, host, options.port ?? 0);
  } catch (error) {
    await durability.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const ttlMonitor = new TtlMonitor(catalog, durability, ttlIntervalMs, log);
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    // First, so no pass deletes anything once the journal starts closing.
    ttlMonitor.stop();
    const closed = new Promise<void>((done) => server.close(() => done()));
    for (const socket of sockets) socket.destroy();
    await closed;
    await durability.close();
  };
  return {
    host,
    port,
    url: `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stop: () => (stopping ??= stop()),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}
