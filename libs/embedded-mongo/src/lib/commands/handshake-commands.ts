import { Long } from 'bson';
import { hostname, cpus, type as osType, release } from 'node:os';
import type { BsonDoc } from '../bson/bson-values';
import { CommandError } from '../storage/command-error';
import type { CommandContext, CommandHandler } from './command-context';
import type { CommandRequest } from './command-request';

export const SERVER_VERSION = '7.0.0-certhub-embedded';

/**
 * A standalone mongod 7.0 (no setName, no topologyVersion, so drivers poll instead of streaming). No
 * `compression` field: we never negotiate compression.
 */
const hello: CommandHandler = (_request, context) => ({
  helloOk: true,
  ismaster: true,
  isWritablePrimary: true,
  maxBsonObjectSize: 16 * 1024 * 1024,
  maxMessageSizeBytes: 48_000_000,
  maxWriteBatchSize: 100_000,
  localTime: new Date(),
  logicalSessionTimeoutMinutes: 30,
  connectionId: context.connectionId,
  minWireVersion: 0,
  maxWireVersion: 21,
  readOnly: false,
  ok: 1,
});

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'certhub-embedded-mongo',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: 16 * 1024 * 1024,
  storageEngines: ['embedded'],
  javascriptEngine: 'none',
  modules: [],
  ok: 1,
});

const PARAMETERS: BsonDoc = {
  featureCompatibilityVersion: { version: '7.0' },
  authenticationMechanisms: [],
};

const getParameter: CommandHandler = (request) => {
  const all = request.body['getParameter'] === '*';
  const found: BsonDoc = {};
  for (const [name, value] of Object.entries(PARAMETERS)) {
    if (all || request.body[name] !== undefined) found[name] = value;
  }
  if (Object.keys(found).length === 0) throw new CommandError(72, 'no option found to get');
  return { ...found, ok: 1 };
};

const serverStatus: CommandHandler = (_request, context) => {
  const uptimeMillis = Date.now() - context.startedAt.getTime();
  return {
    host: hostname(),
    version: SERVER_VERSION,
    process: 'mongod',
    pid: process.pid,
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis,
    localTime: new Date(),
    connections: { current: context.connections.current, available: 1_000_000, totalCreated: context.connections.totalCreated },
    // mongod's counter of documents examined; a Long there too.
    metrics: { queryExecutor: { scannedObjects: Long.fromNumber(context.catalog.stats.scannedObjects) } },
    ok: 1,
  };
};

const hostInfo: CommandHandler = () => ({
  system: { currentTime: new Date(), hostname: hostname(), cpuAddrSize: 64, numCores: cpus().length },
  os: { type: osType(), name: osType(), version: release() },
  extra: {},
  ok: 1,
});

const ok: CommandHandler = () => ({ ok: 1 });

export const HANDSHAKE_COMMANDS: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  serverStatus,
  hostInfo,
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  whatsmyuri: (_request: CommandRequest, context: CommandContext) => ({ you: context.remoteAddress, ok: 1 }),
  endSessions: ok,
  killSessions: ok,
  killAllSessions: ok,
};
