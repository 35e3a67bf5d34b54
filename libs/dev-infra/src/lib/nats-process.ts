import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian installs nats-server in /usr/sbin, which is not on every user's PATH. */
export function findNatsServerBinary(): string {
  const fromEnv = process.env['NATS_SERVER_BIN'];
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server']) {
    if (existsSync(candidate)) return candidate;
  }
  return 'nats-server';
}

/** One nats-server process running a configuration file; it can be stopped, killed and started again. */
export interface NatsProcess {
  /**
   * Starts the server and waits until it says it is ready. Its own log line, not a connection to its port: a
   * port taken by another program would accept connections while this server exits with "address already in
   * use" (the start then fails with that line; `isPortTaken` recognises it).
   */
  start(): Promise<void>;
  /** Sends the signal and waits for the exit; nothing happens if it is not running. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** nats-server's last start-up line, once its client (and cluster) listeners are bound. */
const READY_LINE = /\[INF\] Server is ready/;

/** How long a start may take before it counts as failed (JetStream recovers its store first). */
const START_TIMEOUT_MS = 30_000;

export function natsProcess(configFile: string, port: number): NatsProcess {
  let child: ChildProcess | null = null;
  return {
    start: async () => {
      const spawned = spawn(findNatsServerBinary(), ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
      // Only the last lines are ever shown (a failed start-up); a long-running server must not grow this.
      const lines: string[] = [];
      let pending = '';
      const ready = new Promise<void>((resolve) => {
        spawned.stderr?.on('data', (chunk: Buffer) => {
          const text = pending + chunk.toString();
          const complete = text.split('\n');
          pending = complete.pop() ?? '';
          if (complete.some((line) => READY_LINE.test(line))) resolve();
          lines.push(...complete);
          lines.splice(0, Math.max(0, lines.length - 20));
        });
      });
      let timer: NodeJS.Timeout | undefined;
      const failed = new Promise<never>((_, reject) => {
        spawned.once('error', (error) => reject(new Error(`could not start nats-server (${error.message}); install it (Debian: apt-get install nats-server)`)));
        spawned.once('exit', (code) => reject(new Error(`nats-server (port ${port}) exited with ${code} during start-up:\n${lines.slice(-10).join('\n')}`)));
        timer = setTimeout(() => reject(new Error(`nats-server (port ${port}) not ready after ${START_TIMEOUT_MS} ms:\n${lines.slice(-10).join('\n')}`)), START_TIMEOUT_MS);
      });
      failed.catch(() => undefined);
      try {
        await Promise.race([ready, failed]);
      } catch (error) {
        spawned.kill('SIGKILL');
        throw error;
      } finally {
        clearTimeout(timer);
      }
      child = spawned;
    },
    stop: async (signal) => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill(signal);
      await exited;
    },
  };
}

/** Whether a start failed only because a port it was given was taken meanwhile: worth another try on new ports. */
export function isPortTaken(error: unknown): boolean {
  return error instanceof Error && /address already in use/.test(error.message);
}

/**
 * Runs `start` (which chooses its own ports) again while it fails only because a port was taken between
 * choosing and binding it, up to `tries` times; any other failure is thrown at once.
 */
export async function whilePortTaken<T>(start: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= tries || !isPortTaken(error)) throw error;
    }
  }
}
