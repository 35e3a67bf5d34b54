import { busFiles, type BusFiles } from '@certhub/bus-auth';
import { canConnect, startNatsServer } from '@certhub/dev-infra';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalNats {
  readonly url: string;
  /** The CA clients verify the server with (`NATS_CA`); undefined for a server given by NATS_URL without NATS_CA. */
  readonly caFile: string | undefined;
  /** Where each service's credentials are (and, for a bus started here, the authority). */
  readonly files: BusFiles;
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

/** Not 4222: that port may hold an open NATS server, and certhub never uses an open server. */
const DEFAULT_PORT = 4333;

/**
 * Starts certhub's own nats-server (TLS, operator-mode auth, JetStream encrypted at rest) with its bus under
 * `.data/bus`, kept across restarts: queued events, the authority and every issued producer credential
 * survive. Another server is used only when NATS_URL and CERTHUB_BUS_DIR (its credentials) are both given
 * (and NATS_CA, when it uses TLS under a CA of its own).
 */
export async function ensureNats(dataDir: string, log: (line: string) => void): Promise<LocalNats> {
  const configured = process.env['NATS_URL'];
  if (configured) {
    const dir = process.env['CERTHUB_BUS_DIR'];
    if (!dir || !existsSync(busFiles(dir).credsFile('storage'))) {
      throw new Error('NATS_URL is set: set CERTHUB_BUS_DIR to a bus directory holding the services\' credentials (admin init-bus writes one)');
    }
    return { url: configured, caFile: process.env['NATS_CA'], files: busFiles(dir), startedHere: false, stop: async () => undefined };
  }
  const port = Number(process.env['CERTHUB_NATS_PORT'] ?? DEFAULT_PORT);
  if (await canConnect(port)) throw new Error(`something already listens on 127.0.0.1:${port}; stop it or set CERTHUB_NATS_PORT`);
  const dir = join(dataDir, 'bus');
  log(`starting nats-server on 127.0.0.1:${port} with TLS, authentication and an encrypted JetStream store (bus files in ${dir})`);
  const server = await startNatsServer({ dir, port });
  // The admin command finds the bus through this file when NATS_URL is not set.
  writeFileSync(join(dir, 'nats.url'), `${server.url}\n`);
  return { url: server.url, caFile: server.caFile, files: server.files, startedHere: true, stop: () => server.stop() };
}
