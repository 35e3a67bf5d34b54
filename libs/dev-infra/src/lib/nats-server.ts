import { ensureBusFiles, type BusAuthority, type BusFiles } from '@certhub/bus-auth';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port';

export interface NatsServerHandle {
  readonly url: string;
  readonly port: number;
  readonly storeDir: string;
  /** The bus's authority (it can mint any identity) and its files: config and per-service credentials. */
  readonly authority: BusAuthority;
  readonly files: BusFiles;
  /** Stops the server gracefully and starts it again on the same port and store (JetStream data survives). */
  restart(): Promise<void>;
  /** SIGKILL, then starts it again: a crash with nothing flushed. */
  crashAndRestart(): Promise<void>;
  /** Stops the server; the handle can be started again with restart(). */
  stop(): Promise<void>;
  /** Stops the server and deletes its store and credentials. */
  dispose(): Promise<void>;
}

export interface StartNatsServerOptions {
  /** Where the bus files and the store live; a fresh temporary directory (deleted by dispose) when omitted. */
  readonly dir?: string;
  readonly port?: number;
}

/** Debian installs nats-server in /usr/sbin, which is not on every user's PATH. */
export function findNatsServerBinary(): string {
  const fromEnv = process.env['NATS_SERVER_BIN'];
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server']) {
    if (existsSync(candidate)) return candidate;
  }
  return 'nats-server';
}

/**
 * Starts a private, real nats-server the way certhub runs in production: operator-mode JWT authentication
 * (no anonymous client gets in), per-identity permissions, and JetStream encrypted at rest. Each test suite
 * owns its server, streams and credentials, and may restart or crash it at will.
 */
export async function startNatsServer(options: StartNatsServerOptions = {}): Promise<NatsServerHandle> {
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'certhub-nats-'));
  const storeDir = join(dir, 'jetstream');
  const { files, authority } = ensureBusFiles(dir, { host: '127.0.0.1', port, storeDir });
  let child: ChildProcess | null = null;
  const lines: string[] = [];

  const start = async () => {
    const spawned = spawn(findNatsServerBinary(), ['-c', files.serverConfigFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Only the last lines are ever shown (a failed start-up); a long-running server must not grow this.
    spawned.stderr?.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n'));
      lines.splice(0, Math.max(0, lines.length - 20));
    });
    const failed = new Promise<never>((_, reject) => {
      spawned.once('error', (error) => reject(new Error(`could not start nats-server (${error.message}); install it (Debian: apt-get install nats-server)`)));
      spawned.once('exit', (code) => reject(new Error(`nats-server exited with ${code} during start-up:\n${lines.slice(-10).join('\n')}`)));
    });
    failed.catch(() => undefined);
    await Promise.race([waitForPort(port), failed]);
    child = spawned;
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    authority,
    files,
    restart: async () => {
      await stopWith('SIGTERM');
      await start();
    },
    crashAndRestart: async () => {
      await stopWith('SIGKILL');
      await start();
    },
    stop: () => stopWith('SIGTERM'),
    dispose: async () => {
      await stopWith('SIGTERM');
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
