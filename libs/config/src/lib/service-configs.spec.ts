import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ConfigError, redactUrl } from './env-reader';
import { loadGatewayConfig, loadParserConfig, loadStorageConfig } from './service-configs';

const key = () => randomBytes(32).toString('base64');
/** Every service needs its NATS credentials; the file is only named at load time, read at connect time. */
const creds = { NATS_CREDS: '/run/certhub/nats.creds' };

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('service configuration', () => {
  it('gives the gateway working defaults', () => {
    const config = loadGatewayConfig({ ...creds });
    expect(config.nats).toEqual({ url: 'nats://127.0.0.1:4222', credsFile: '/run/certhub/nats.creds', caFile: undefined });
    expect(config.http).toEqual({ host: '0.0.0.0', port: 3000, bodyLimitBytes: 262_144, timeouts: { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 } });
    expect(config.health.port).toBe(3000);
  });

  it('bounds how long the gateway waits for slow clients: headers, the whole request, an idle keep-alive connection', () => {
    const timeouts = { HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '4000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' };
    expect(loadGatewayConfig({ ...creds, ...timeouts }).http.timeouts).toEqual({ headersMs: 2_000, requestMs: 4_000, keepAliveMs: 1_000 });
    expect(problemsOf(() => loadGatewayConfig({ ...creds, HTTP_HEADERS_TIMEOUT_MS: '0', HTTP_REQUEST_TIMEOUT_MS: '3600001', HTTP_KEEP_ALIVE_TIMEOUT_MS: 'soon' }))).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS must be an integer from 1000 to 300000, got "0"',
      'HTTP_REQUEST_TIMEOUT_MS must be an integer from 1000 to 600000, got "3600001"',
      'HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer from 1000 to 600000, got "soon"',
    ]);
    expect(problemsOf(() => loadGatewayConfig({ ...creds, HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }))).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS (20000) must not exceed HTTP_REQUEST_TIMEOUT_MS (10000): the headers are part of the request',
    ]);
  });

  it('refuses to start a service without NATS credentials: certhub never connects anonymously', () => {
    expect(problemsOf(() => loadGatewayConfig({}))).toEqual([expect.stringMatching(/NATS_CREDS must name/)]);
    expect(problemsOf(() => loadStorageConfig({}))).toEqual([expect.stringMatching(/NATS_CREDS must name/)]);
    expect(loadGatewayConfig({ ...creds, NATS_CA: '/ca.pem', NATS_URL: 'tls://nats:4222' }).nats).toEqual({ url: 'tls://nats:4222', credsFile: '/run/certhub/nats.creds', caFile: '/ca.pem' });
  });

  it('lists every problem at once', () => {
    const problems = problemsOf(() =>
      loadGatewayConfig({ ...creds, HTTP_PORT: 'eighty', NATS_URL: 'http://x', LOG_LEVEL: 'loud' }),
    );
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/HTTP_PORT.*"eighty"/);
    expect(problems.join('\n')).toMatch(/NATS_URL must use nats: or tls:/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
  });

  it('requires key-encryption keys for the parser and picks the first as active', () => {
    expect(problemsOf(() => loadParserConfig({ ...creds }))).toEqual(['CERTHUB_KEKS is required']);
    const config = loadParserConfig({ ...creds, CERTHUB_KEKS: `k1:${key()},k2:${key()}` });
    expect(config.keyring.active.id).toBe('k1');
    expect([...config.keyring.byId.keys()]).toEqual(['k1', 'k2']);
  });

  it('runs one inspection worker per core unless PARSER_WORKERS says otherwise', () => {
    const keks = { ...creds, CERTHUB_KEKS: `k1:${key()}` };
    expect(loadParserConfig(keks).inspectionWorkers).toBe(availableParallelism());
    expect(loadParserConfig({ ...keks, PARSER_WORKERS: '3' }).inspectionWorkers).toBe(3);
    expect(problemsOf(() => loadParserConfig({ ...keks, PARSER_WORKERS: '0' })).join('\n')).toMatch(/PARSER_WORKERS/);
  });

  it('honours CERTHUB_ACTIVE_KEK and rejects unknown ids, short keys and duplicates without echoing keys', () => {
    const secret = key();
    expect(loadParserConfig({ ...creds, CERTHUB_KEKS: `a:${key()},b:${secret}`, CERTHUB_ACTIVE_KEK: 'b' }).keyring.active.key)
      .toEqual(Buffer.from(secret, 'base64'));
    const problems = problemsOf(() =>
      loadParserConfig({ ...creds, CERTHUB_KEKS: `a:${secret},a:${key()},c:c2hvcnQ=`, CERTHUB_ACTIVE_KEK: 'zzz' }),
    );
    expect(problems.join('\n')).toMatch(/"a" twice/);
    expect(problems.join('\n')).toMatch(/"c" must decode to 32 bytes, got 5/);
    expect(problems.join('\n')).toMatch(/CERTHUB_ACTIVE_KEK "zzz"/);
    expect(problems.join('\n')).not.toContain(secret);
  });

  it('takes every node of a NATS cluster in NATS_URL, and 1 to 5 stream replicas (1 unless told)', () => {
    const keks = { CERTHUB_KEKS: `k1:${key()}` };
    const nodes = 'nats://n1:4222, nats://n2:4222,tls://n3:4222';
    expect(loadParserConfig({ ...creds, ...keks, NATS_URL: nodes }).nats.url).toBe('nats://n1:4222,nats://n2:4222,tls://n3:4222');
    expect(problemsOf(() => loadParserConfig({ ...creds, ...keks, NATS_URL: 'nats://n1:4222,http://n2' }))).toEqual(['NATS_URL must use nats: or tls:, got "http:"']);
    expect(loadStorageConfig({ ...creds }).streamReplicas).toBe(1);
    expect(loadStorageConfig({ ...creds, NATS_STREAM_REPLICAS: '3' }).streamReplicas).toBe(3);
    expect(problemsOf(() => loadStorageConfig({ ...creds, NATS_STREAM_REPLICAS: '6' }))).toEqual([expect.stringMatching(/NATS_STREAM_REPLICAS/)]);
  });

  it('reserves 20 certificate ids per counter update unless ID_BLOCK_SIZE says otherwise (1-1000)', () => {
    expect(loadStorageConfig({ ...creds }).idBlockSize).toBe(20);
    expect(loadStorageConfig({ ...creds, ID_BLOCK_SIZE: '1' }).idBlockSize).toBe(1);
    expect(problemsOf(() => loadStorageConfig({ ...creds, ID_BLOCK_SIZE: '0' }))).toEqual([expect.stringMatching(/ID_BLOCK_SIZE/)]);
  });

  it('validates the MongoDB URL and never prints its password', () => {
    expect(loadStorageConfig({ ...creds, MONGO_URL: 'mongodb://db:27017/x' }).mongoUrl).toBe('mongodb://db:27017/x');
    const problems = problemsOf(() => loadStorageConfig({ ...creds, MONGO_URL: 'postgres://u:pw@h/db' }));
    expect(problems).toEqual(['MONGO_URL must be a mongodb:// or mongodb+srv:// connection string, got "postgres://u:***@h/db"']);
    expect(redactUrl('mongodb://user:hunter2@host/db')).toBe('mongodb://user:***@host/db');
  });

  it('keeps idempotency records 15 days unless told otherwise, and never for less than a command can wait on the bus', () => {
    expect(loadStorageConfig({ ...creds }).outcomeRetentionHours).toBe(360);
    expect(loadStorageConfig({ ...creds, OUTCOME_RETENTION_HOURS: '720' }).outcomeRetentionHours).toBe(720);
    expect(problemsOf(() => loadStorageConfig({ ...creds, OUTCOME_RETENTION_HOURS: '335' }))).toEqual([
      'OUTCOME_RETENTION_HOURS must be an integer from 336 to 87600, got "335"',
    ]);
  });

  it('keeps 10 versions per certificate and the keys of a deleted one for 7 days unless told otherwise, within bounds', () => {
    expect(loadStorageConfig({ ...creds }).lifecycle).toEqual({ versionsKept: 10, deletedKeyRetentionMs: 604_800_000 });
    expect(loadStorageConfig({ ...creds, CERTIFICATE_VERSIONS_KEPT: '2', DELETED_KEY_RETENTION_MS: '1000' }).lifecycle)
      .toEqual({ versionsKept: 2, deletedKeyRetentionMs: 1_000 });
    expect(problemsOf(() => loadStorageConfig({ ...creds, CERTIFICATE_VERSIONS_KEPT: '1', DELETED_KEY_RETENTION_MS: '0' }))).toEqual([
      'CERTIFICATE_VERSIONS_KEPT must be an integer from 2 to 32, got "1"',
      'DELETED_KEY_RETENTION_MS must be an integer from 1000 to 31536000000, got "0"',
    ]);
    expect(problemsOf(() => loadStorageConfig({ ...creds, CERTIFICATE_VERSIONS_KEPT: '33' }))).toHaveLength(1);
  });

  it('reads the expiry watch: hourly scans at 30/14/7/1 days unless told otherwise', () => {
    expect(loadStorageConfig({ ...creds }).expiry).toEqual({ scanIntervalMs: 3_600_000, thresholdsDays: [1, 7, 14, 30] });
    expect(loadStorageConfig({ ...creds, EXPIRY_SCAN_INTERVAL_MS: '1000', EXPIRY_THRESHOLDS_DAYS: '60, 7,7,90' }).expiry)
      .toEqual({ scanIntervalMs: 1_000, thresholdsDays: [7, 60, 90] });
    const problems = problemsOf(() => loadStorageConfig({ ...creds, EXPIRY_SCAN_INTERVAL_MS: '999', EXPIRY_THRESHOLDS_DAYS: '30,0' }));
    expect(problems).toEqual([
      'EXPIRY_SCAN_INTERVAL_MS must be an integer from 1000 to 86400000, got "999"',
      'EXPIRY_THRESHOLDS_DAYS must be comma-separated whole days from 1 to 3650, got "30,0"',
    ]);
    expect(problemsOf(() => loadStorageConfig({ ...creds, EXPIRY_THRESHOLDS_DAYS: '7,,1' }))).toHaveLength(1);
  });
});
