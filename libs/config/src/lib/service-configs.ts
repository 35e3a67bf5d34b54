import { availableParallelism } from 'node:os';
import { EnvReader, type Env } from './env-reader';
import { readKeyring, readOptionalKeyring, type KeyEncryptionKeyring } from './key-encryption-keys';
import { readMongoUrl } from './mongo-url';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
export type LogFormat = 'json' | 'text';
const LOG_FORMATS: readonly LogFormat[] = ['json', 'text'];

/** How a service reaches NATS: always authenticated, with its own credentials (docs/security.md). */
export interface NatsClientConfig {
  /** One server, or a cluster's nodes separated by commas. */
  readonly url: string;
  /** A NATS `.creds` file (user JWT and nkey seed) naming this service's identity. */
  readonly credsFile: string;
  /** PEM CA bundle to verify the server's TLS certificate; TLS is required when set. */
  readonly caFile: string | undefined;
}

export interface CommonConfig {
  readonly nats: NatsClientConfig;
  readonly logLevel: LogLevel;
  /** `json` (the default, for log shippers) or `text` (one short line per event; `npm start` uses it). */
  readonly logFormat: LogFormat;
  /** Liveness/readiness HTTP endpoint of the service. */
  readonly health: { readonly host: string; readonly port: number };
}

export interface GatewayConfig extends CommonConfig {
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimitBytes: number; readonly timeouts: HttpTimeouts };
  /** How long a request waits for its outcome event before answering 503 (the work itself goes on). */
  readonly outcomeTimeoutMs: number;
  /** Opens sealed AccessKey secrets to check Alibaba signatures; without it, signed requests get 503. */
  readonly keyring: KeyEncryptionKeyring | undefined;
}

/**
 * How long the gateway's HTTP server waits for a client, so a slow or idle one cannot hold a connection for
 * Node's default 300 s. None of them limits the time the gateway itself takes to answer.
 */
export interface HttpTimeouts {
  /** From connecting (or the end of the previous request) until the request headers are complete. */
  readonly headersMs: number;
  /** From the start of a request until its body is complete; at least `headersMs`. */
  readonly requestMs: number;
  /** How long an idle keep-alive connection stays open after a response. */
  readonly keepAliveMs: number;
}

export interface ConsumerConfig extends CommonConfig {
  /** Messages handled at once by this instance. */
  readonly concurrency: number;
  /** Deliveries of one message before it is moved to the dead-letter subject. */
  readonly maxDeliver: number;
  /** How long JetStream waits for an acknowledgement before redelivering (e.g. after a crash). */
  readonly ackWaitMs: number;
}

export interface ParserConfig extends ConsumerConfig {
  readonly keyring: KeyEncryptionKeyring;
  /** Worker threads that parse and check uploads, off the event loop. */
  readonly inspectionWorkers: number;
}

export interface StorageConfig extends ConsumerConfig {
  readonly mongoUrl: string;
  readonly expiry: ExpiryWatchConfig;
  /**
   * Lets storage check that a KEK rotation's re-wrapped data key is the one it replaces (keys.rewrap); it
   * never opens a sealed key with it. Without it, rewraps are refused.
   */
  readonly keyring: KeyEncryptionKeyring | undefined;
  /** How long the idempotency record of a request is kept (the TTL of request_outcomes), in hours. */
  readonly outcomeRetentionHours: number;
  /**
   * Copies JetStream keeps of each stream and bucket storage creates (NATS_STREAM_REPLICAS): 1 on a single
   * server, 3 on a three-node cluster so that losing a node loses nothing and stops nothing.
   */
  readonly streamReplicas: number;
  /**
   * Certificate ids an instance reserves with one counter update (ID_BLOCK_SIZE): a create then costs a
   * database round trip for its id once per block; a stopped instance leaves the rest of its block unused.
   */
  readonly idBlockSize: number;
  readonly lifecycle: CertificateLifecycleConfig;
}

/** Versions and deletion (docs/operations.md, "Versions and deletion"). */
export interface CertificateLifecycleConfig {
  /** Versions kept per certificate, the current one included; the oldest is dropped by the write past it. */
  readonly versionsKept: number;
  /** How long the sealed keys of a deleted certificate are kept before they are destroyed. */
  readonly deletedKeyRetentionMs: number;
}

/**
 * A certificate document holds every kept version, and MongoDB refuses documents over 16 MiB: a version holds
 * at most about 330 KiB (certificate 64 KiB, chain and trusted root 128 KiB each, their metadata), so 32
 * versions stay below 11 MiB.
 */
export const CERTIFICATE_VERSIONS_KEPT_MAX = 32;

/**
 * A command can wait up to 7 days in CERTHUB_COMMANDS and then 7 more in CERTHUB_PIPELINE (their max_age,
 * libs/messaging/src/lib/jetstream-topology.ts) before storage sees it. An idempotency record kept for less
 * could be gone when a second copy of its command arrives, which would then be processed again.
 */
export const OUTCOME_RETENTION_MIN_HOURS = 14 * 24;

export interface ExpiryWatchConfig {
  /** Time between two scans for certificates crossing a threshold; a scan also runs at start-up. */
  readonly scanIntervalMs: number;
  /** Days before notAfter at which `certificate.expiring` is published, ascending, without duplicates. */
  readonly thresholdsDays: readonly number[];
}

const PORT = { min: 0, max: 65_535 };

/** Shared with the admin command, which talks to the same bus under its own identity. */
export function readNatsClient(reader: EnvReader): NatsClientConfig {
  // A cluster's nodes as a comma-separated list: the client starts from any that answers.
  const url = reader.urlList('NATS_URL', 'nats://127.0.0.1:4222', ['nats:', 'tls:']);
  const credsFile = reader.optionalString('NATS_CREDS');
  if (credsFile === undefined) reader.report('NATS_CREDS must name this service\'s NATS credentials file (.creds); certhub never connects anonymously');
  return { url, credsFile: credsFile ?? '', caFile: reader.optionalString('NATS_CA') };
}

function readCommon(reader: EnvReader, defaultHealthPort: number): CommonConfig {
  return {
    nats: readNatsClient(reader),
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: reader.oneOf('LOG_FORMAT', LOG_FORMATS, 'json'),
    health: {
      host: reader.string('HEALTH_HOST', '127.0.0.1'),
      port: reader.int('HEALTH_PORT', defaultHealthPort, PORT),
    },
  };
}

function readConsumer(reader: EnvReader, defaultHealthPort: number): ConsumerConfig {
  return {
    ...readCommon(reader, defaultHealthPort),
    concurrency: reader.int('CONSUMER_CONCURRENCY', 64, { min: 1, max: 4096 }),
    maxDeliver: reader.int('CONSUMER_MAX_DELIVER', 8, { min: 2, max: 100 }),
    // Short, so a crashed instance's messages return within seconds: the consumer marks slow work in progress.
    ackWaitMs: reader.int('CONSUMER_ACK_WAIT_MS', 10_000, { min: 1_000, max: 3_600_000 }),
  };
}

export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const reader = new EnvReader(env);
  const httpPort = reader.int('HTTP_PORT', 3000, PORT);
  const config: GatewayConfig = {
    ...readCommon(reader, httpPort),
    http: {
      host: reader.string('HTTP_HOST', '0.0.0.0'),
      port: httpPort,
      bodyLimitBytes: reader.int('HTTP_BODY_LIMIT_BYTES', 262_144, { min: 1_024, max: 16_777_216 }),
      timeouts: readHttpTimeouts(reader),
    },
    outcomeTimeoutMs: reader.int('OUTCOME_TIMEOUT_MS', 15_000, { min: 100, max: 600_000 }),
    keyring: readOptionalKeyring(reader),
  };
  reader.done();
  return config;
}

function readHttpTimeouts(reader: EnvReader): HttpTimeouts {
  // A body of HTTP_BODY_LIMIT_BYTES arrives in well under 30 s on any link a certificate API client uses.
  const timeouts: HttpTimeouts = {
    headersMs: reader.int('HTTP_HEADERS_TIMEOUT_MS', 10_000, { min: 1_000, max: 300_000 }),
    requestMs: reader.int('HTTP_REQUEST_TIMEOUT_MS', 30_000, { min: 1_000, max: 600_000 }),
    keepAliveMs: reader.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, { min: 1_000, max: 600_000 }),
  };
  // Node measures both from the start of the request, so a longer headers timeout would never apply.
  if (timeouts.headersMs > timeouts.requestMs) {
    reader.report(`HTTP_HEADERS_TIMEOUT_MS (${timeouts.headersMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${timeouts.requestMs}): the headers are part of the request`);
  }
  return timeouts;
}

export function loadParserConfig(env: Env = process.env): ParserConfig {
  const reader = new EnvReader(env);
  const consumer = readConsumer(reader, 3001);
  const keyring = readKeyring(reader);
  const inspectionWorkers = reader.int('PARSER_WORKERS', availableParallelism(), { min: 1, max: 64 });
  reader.done();
  // done() has thrown unless readKeyring produced a keyring.
  return { ...consumer, keyring: keyring as KeyEncryptionKeyring, inspectionWorkers };
}

export function loadStorageConfig(env: Env = process.env): StorageConfig {
  const reader = new EnvReader(env);
  const config: StorageConfig = {
    ...readConsumer(reader, 3002),
    mongoUrl: readMongoUrl(reader),
    expiry: {
      // At most daily: thresholds are counted in days, a rarer scan could step over the 1-day one.
      scanIntervalMs: reader.int('EXPIRY_SCAN_INTERVAL_MS', 3_600_000, { min: 1_000, max: 86_400_000 }),
      thresholdsDays: readThresholds(reader),
    },
    keyring: readOptionalKeyring(reader),
    outcomeRetentionHours: reader.int('OUTCOME_RETENTION_HOURS', 15 * 24, { min: OUTCOME_RETENTION_MIN_HOURS, max: 10 * 365 * 24 }),
    // JetStream allows at most 5 replicas.
    streamReplicas: reader.int('NATS_STREAM_REPLICAS', 1, { min: 1, max: 5 }),
    idBlockSize: reader.int('ID_BLOCK_SIZE', 20, { min: 1, max: 1_000 }),
    lifecycle: {
      // At least 2: the current version and one to roll back to.
      versionsKept: reader.int('CERTIFICATE_VERSIONS_KEPT', 10, { min: 2, max: CERTIFICATE_VERSIONS_KEPT_MAX }),
      deletedKeyRetentionMs: reader.int('DELETED_KEY_RETENTION_MS', 7 * 86_400_000, { min: 1_000, max: 365 * 86_400_000 }),
    },
  };
  reader.done();
  return config;
}

const DEFAULT_THRESHOLDS_DAYS = [1, 7, 14, 30];

/** `EXPIRY_THRESHOLDS_DAYS`: comma-separated whole days from 1 to 3650, e.g. "30,14,7,1". */
function readThresholds(reader: EnvReader): readonly number[] {
  const raw = reader.optionalString('EXPIRY_THRESHOLDS_DAYS');
  if (raw === undefined) return DEFAULT_THRESHOLDS_DAYS;
  const days = raw.split(',').map((part) => part.trim());
  const valid = days.every((day) => /^\d{1,4}$/.test(day) && Number(day) >= 1 && Number(day) <= 3_650);
  if (!valid) {
    reader.report(`EXPIRY_THRESHOLDS_DAYS must be comma-separated whole days from 1 to 3650, got "${raw}"`);
    return DEFAULT_THRESHOLDS_DAYS;
  }
  return [...new Set(days.map(Number))].sort((a, b) => a - b);
}
