import { busFiles, busTlsFiles, type BusFiles } from '@certhub/bus-auth';
import { EnvReader, readKeyring, readNatsClient, type KeyEncryptionKeyring, type NatsClientConfig } from '@certhub/config';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the admin command finds the bus and the keys. Defaults fit `npm start` run from the repository
 * (everything under ./.data); a deployment sets the variables (docker-compose.yml does).
 */
export function busDirectory(): BusFiles {
  return busFiles(resolve(process.env['CERTHUB_BUS_DIR'] ?? join(dataDirectory(), 'bus')));
}

/** `npm start`'s data folder: CERTHUB_DATA_DIR, as for the dev stack, or ./.data. */
function dataDirectory(): string {
  return resolve(process.env['CERTHUB_DATA_DIR'] ?? join(process.cwd(), '.data'));
}

/** The admin identity's connection: NATS_URL, NATS_CREDS and NATS_CA, or the dev stack's bus, admin credentials and CA. */
export function adminNatsClient(): NatsClientConfig {
  const urlFile = join(busDirectory().dir, 'nats.url');
  const reader = new EnvReader({
    NATS_URL: process.env['NATS_URL'] ?? (existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined),
    NATS_CREDS: process.env['NATS_CREDS'] ?? busDirectory().credsFile('admin'),
    NATS_CA: busCaFile(),
  });
  const config = readNatsClient(reader);
  reader.done();
  if (!existsSync(config.credsFile)) throw new Error(`no admin credentials at ${config.credsFile}: set NATS_CREDS, or CERTHUB_BUS_DIR to the bus directory`);
  return config;
}

/**
 * The CA of the bus's TLS certificate: NATS_CA, or, for the bus the directory describes (no NATS_URL given),
 * the one it holds (init-bus --tls-hosts, `npm start`), if any. A NATS_URL of another server never gets it.
 */
export function busCaFile(): string | undefined {
  const own = busTlsFiles(busDirectory().dir).caFile;
  return process.env['NATS_CA'] ?? (process.env['NATS_URL'] === undefined && existsSync(own) ? own : undefined);
}

/** CERTHUB_KEKS, or the key `npm start` generated in its data folder (dev-keks). */
export function adminKeyring(): KeyEncryptionKeyring {
  const devFile = join(dataDirectory(), 'dev-keks');
  const keks = process.env['CERTHUB_KEKS'] ?? (existsSync(devFile) ? readFileSync(devFile, 'utf8').trim() : undefined);
  const reader = new EnvReader({ CERTHUB_KEKS: keks, CERTHUB_ACTIVE_KEK: process.env['CERTHUB_ACTIVE_KEK'] });
  const keyring = readKeyring(reader);
  reader.done();
  if (!keyring) throw new Error('CERTHUB_KEKS holds no usable key');
  return keyring;
}
