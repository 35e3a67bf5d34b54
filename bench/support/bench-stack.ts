import { freePort, startNatsServer, waitForPort, workspaceRoot, type NatsServerHandle } from '@certhub/dev-infra';
import { startCerthubStack, type CerthubStack } from '@certhub/testing';
import { buildEmbeddedMongoCli } from './embedded-mongo-build';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchStack {
  readonly stack: CerthubStack;
  readonly mongoUrl: string;
  /** The embedded MongoDB-protocol server's own process, so benches can watch its memory like a service's. */
  readonly mongoPid: number | undefined;
  readonly token: string;
  readonly tenantId: string;
  close(): Promise<void>;
}

/** The embedded MongoDB-protocol server in its own process, compiled, with a durable journal, as `npm start` runs it. */
export async function startMongoProcess(): Promise<{ url: string; process: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'certhub-bench-mongo-'));
  const child = spawn(process.execPath, [buildEmbeddedMongoCli(), '--port', String(port), '--data-dir', dataDir], {
    stdio: 'ignore',
  });
  await waitForPort(port, '127.0.0.1', 30_000);
  return { url: `mongodb://127.0.0.1:${port}`, process: child, dataDir };
}

export async function stopMongoProcess(mongo: { process: ChildProcess; dataDir: string }): Promise<void> {
  const exited = new Promise((resolve) => mongo.process.once('exit', resolve));
  mongo.process.kill('SIGTERM');
  await exited;
  rmSync(mongo.dataDir, { recursive: true, force: true });
}

/** NATS, MongoDB-protocol server and the three built services, plus a Rainbond team token. */
export interface BenchStackOptions {
  /** Extra environment of the parser service. */
  readonly parserEnv?: Record<string, string>;
  /** The tenant the token is for (a Huawei project id must be 32 hex digits). */
  readonly tenantId?: string;
}

export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  const nats: NatsServerHandle = await startNatsServer();
  const mongo = await startMongoProcess();
  const env = quiet();
  const stack = await startCerthubStack({ nats, mongoUrl: `${mongo.url}/certhub`, env: { ...env, parser: { ...env.parser, ...options.parserEnv } } });
  const tenantId = options.tenantId ?? 'bench-team';
  const created = execFileSync(process.execPath, [join(workspaceRoot(), 'dist/tools/admin/main.js'), 'create-token', '--tenant', tenantId], {
    env: { ...process.env, NATS_URL: nats.url, NATS_CA: nats.caFile, NATS_CREDS: nats.files.credsFile('admin') },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const token = (JSON.parse(created.toString()) as { token: string }).token;
  return {
    stack,
    mongoUrl: `${mongo.url}/certhub`,
    mongoPid: mongo.process.pid,
    token,
    tenantId,
    close: async () => {
      await stack.dispose();
      await stopMongoProcess(mongo);
      await nats.dispose();
    },
  };
}

/** Production-like logging: one line per import at info would measure the logger, not the pipeline. */
function quiet() {
  const env = { LOG_LEVEL: 'warn', CONSUMER_ACK_WAIT_MS: '30000' };
  return { gateway: env, parser: env, storage: env };
}
