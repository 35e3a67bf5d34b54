import { ensureBusFiles, ensureBusTls, type BusAuthority, type BusFiles } from '@certhub/bus-auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { natsProcess, whilePortTaken } from './nats-process';

export interface NatsServerHandle {
  /** `tls://127.0.0.1:<port>`: the server takes TLS connections only. */
  readonly url: string;
  /** The CA of the server's certificate, as clients are given it (`NATS_CA`). */
  readonly caFile: string;
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

/** The names a client on this machine may dial the server by; the server certificate carries each. */
export const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost'];

export interface StartNatsServerOptions {
  /** Where the bus files and the store live; a fresh temporary directory (deleted by dispose) when omitted. */
  readonly dir?: string;
  readonly port?: number;
}

/**
 * Starts a private, real nats-server the way certhub runs in production: TLS only (under the bus's own CA,
 * docs/security.md), operator-mode JWT authentication (no anonymous client gets in), per-identity
 * permissions, and JetStream encrypted at rest. Each test suite owns its server, streams and credentials,
 * and may restart or crash it at will.
 */
export async function startNatsServer(options: StartNatsServerOptions = {}): Promise<NatsServerHandle> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'certhub-nats-'));
  const storeDir = join(dir, 'jetstream');
  const tls = await ensureBusTls(dir, LOOPBACK_NAMES);
  const start = async (port: number) => {
    const { files, authority } = ensureBusFiles(dir, { host: '127.0.0.1', port, storeDir, tls });
    const server = natsProcess(files.serverConfigFile, port);
    await server.start();
    return { port, files, authority, server };
  };
  // A port chosen here may be taken by another program before the server binds it: then a new one is chosen.
  const started = options.port !== undefined ? await start(options.port) : await whilePortTaken(async () => start(await freePort()));
  const { port, files, authority, server } = started;
  return {
    url: `tls://127.0.0.1:${port}`,
    caFile: tls.caFile,
    port,
    storeDir,
    authority,
    files,
    restart: async () => {
      await server.stop('SIGTERM');
      await server.start();
    },
    crashAndRestart: async () => {
      await server.stop('SIGKILL');
      await server.start();
    },
    stop: () => server.stop('SIGTERM'),
    dispose: async () => {
      await server.stop('SIGTERM');
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
