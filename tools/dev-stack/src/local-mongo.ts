import { canConnect } from '@certhub/dev-infra';
import { startEmbeddedMongo } from '@certhub/embedded-mongo';
import { join } from 'node:path';

export interface LocalMongo {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Uses MONGO_URL when given (a real MongoDB), else starts the embedded MongoDB-protocol server with a
 * durable journal in the data folder, on 27017 when that port is free.
 */
export async function ensureMongo(dataDir: string, log: (line: string) => void): Promise<LocalMongo> {
  const configured = process.env['MONGO_URL'];
  if (configured) return { url: configured, stop: async () => undefined };
  const port = (await canConnect(27017)) ? 0 : 27017;
  const server = await startEmbeddedMongo({ port, dataDir: join(dataDir, 'mongo') });
  log(`embedded MongoDB-protocol server on ${server.url} (data in ${join(dataDir, 'mongo')})`);
  return { url: `${server.url}/certhub`, stop: () => server.stop() };
}
