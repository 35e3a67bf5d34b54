import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitForPort } from './free-port';

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
  /** Starts the server and waits until its client port accepts connections. */
  start(): Promise<void>;
  /** Sends the signal and waits for the exit; nothing happens if it is not running. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export function natsProcess(configFile: string, port: number): NatsProcess {
  let child: ChildProcess | null = null;
  const lines: string[] = [];
  return {
    start: async () => {
      const spawned = spawn(findNatsServerBinary(), ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
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
