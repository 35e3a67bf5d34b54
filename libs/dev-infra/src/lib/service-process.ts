import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceProcessOptions {
  /** Shown in output prefixes and errors. */
  readonly name: string;
  /** The built entry point, e.g. dist/apps/api-gateway/main.js. */
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  /** Polled until it answers 200: the service is up. */
  readonly readyUrl: string;
  /** Receives every output line (stdout and stderr). */
  readonly onLine?: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Every line the process printed so far. */
  readonly lines: readonly string[];
  /** Waits until the readiness URL answers 200. */
  ready(): Promise<void>;
  /** SIGTERM, then waits for the exit (graceful shutdown drains in-flight messages). */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash, nothing drained. */
  kill(): Promise<number | null>;
  readonly exited: Promise<number | null>;
}

/** Runs one built service as a real child process, the way production runs it. */
export function spawnServiceProcess(options: ServiceProcessOptions): ServiceProcess {
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      options.onLine?.(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const terminate = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  return {
    name: options.name,
    pid: child.pid,
    lines,
    exited,
    ready: () => waitUntilReady(options, exited, lines),
    stop: () => terminate('SIGTERM'),
    kill: () => terminate('SIGKILL'),
  };
}

async function waitUntilReady(options: ServiceProcessOptions, exited: Promise<number | null>, lines: readonly string[]): Promise<void> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${options.name} exited during start-up:\n${lines.slice(-20).join('\n')}`);
    const status = await fetch(options.readyUrl, { signal: AbortSignal.timeout(1_000) })
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${options.name} not ready at ${options.readyUrl} after ${options.readyTimeoutMs ?? 30_000}ms:\n${lines.slice(-20).join('\n')}`);
}
