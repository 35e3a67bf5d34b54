import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceProcessOptions {
  /** Shown in output prefixes and errors. */
  readonly name: string;
  /** The built entry point, e.g. dist/apps/api-gateway/main.js. */
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  /** Polled on the address the process says it listens on until it answers 200, e.g. `/health/ready`. */
  readonly readyPath: string;
  /** Receives every output line (stdout and stderr). */
  readonly onLine?: (line: string) => void;
  readonly readyTimeoutMs?: number;
  /** Called when the process ends without stop() or kill() having asked it to, with its exit code. */
  readonly onUnexpectedExit?: (code: number | null, lines: readonly string[]) => void;
}

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Every line the process printed so far. */
  readonly lines: readonly string[];
  /** Where the process said it listens (`http://host:port`), once it said so; with port 0 the kernel chose it. */
  readonly url: string | undefined;
  /** Waits until the process said where it listens and answers 200 there; resolves with that address. */
  ready(): Promise<string>;
  /** SIGTERM, then waits for the exit (graceful shutdown drains in-flight messages). */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash, nothing drained. */
  kill(): Promise<number | null>;
  readonly exited: Promise<number | null>;
}

/**
 * What every certhub service prints once its HTTP server is bound (see each app's main.ts). Reading the
 * address from the process itself, rather than polling a port chosen beforehand, means a 200 can only come
 * from this process: a port chosen beforehand may be taken by another program by the time the service
 * binds it, and the service then exits while that other program answers the readiness probe.
 */
const LISTENING_LINE = /listening on (http:\/\/[^\s"/]+)/;

/** Runs one built service as a real child process, the way production runs it. */
export function spawnServiceProcess(options: ServiceProcessOptions): ServiceProcess {
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let url: string | undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      url ??= LISTENING_LINE.exec(line)?.[1];
      options.onLine?.(line);
    });
  }
  let asked = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (!asked) options.onUnexpectedExit?.(code, lines);
      resolve(code);
    }),
  );
  const terminate = async (signal: NodeJS.Signals) => {
    asked = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  return {
    name: options.name,
    pid: child.pid,
    lines,
    get url() {
      return url;
    },
    exited,
    ready: () => waitUntilReady(options, exited, lines, () => url),
    stop: () => terminate('SIGTERM'),
    kill: () => terminate('SIGKILL'),
  };
}

async function waitUntilReady(
  options: ServiceProcessOptions,
  exited: Promise<number | null>,
  lines: readonly string[],
  listeningUrl: () => string | undefined,
): Promise<string> {
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${options.name} exited during start-up:\n${lines.slice(-20).join('\n')}`);
    const url = listeningUrl();
    const status = url
      ? await fetch(`${url}${options.readyPath}`, { signal: AbortSignal.timeout(1_000) })
          .then((response) => response.status)
          .catch(() => 0)
      : 0;
    if (url && status === 200) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const where = listeningUrl() ? `at ${listeningUrl()}${options.readyPath}` : '(it never said where it listens)';
  throw new Error(`${options.name} not ready ${where} after ${timeoutMs}ms:\n${lines.slice(-20).join('\n')}`);
}
