import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceRole } from '@certhub/contracts';
import { createBusAuthority, type BusAuthority } from './bus-authority';
import { renderNatsServerConfig, type NatsServerConfigOptions } from './nats-server-config';
import { writeSecret } from './secret-file';
import { renewServiceCreds } from './service-creds';

export { writeSecret } from './secret-file';

/**
 * The files a certhub bus runs on, in one directory: the authority (secret: it mints identities), the
 * nats-server configuration (secret: it holds the JetStream key) and one `.creds` file per service identity.
 * The same layout serves `npm start` (.data/bus), the tests (a temp dir) and compose (a volume written by
 * `admin init-bus`).
 */
export interface BusFiles {
  readonly dir: string;
  readonly authorityFile: string;
  readonly serverConfigFile: string;
  credsFile(role: ServiceRole): string;
}

export const SERVICE_ROLES: readonly ServiceRole[] = ['gateway', 'parser', 'storage', 'admin', 'observer'];

export function busFiles(dir: string): BusFiles {
  return {
    dir,
    authorityFile: join(dir, 'authority.json'),
    serverConfigFile: join(dir, 'nats-server.conf'),
    credsFile: (role) => join(dir, 'creds', `${role}.creds`),
  };
}

export function loadAuthority(file: string): BusAuthority {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as BusAuthority;
  if (parsed.version !== 1 || typeof parsed.accountSeed !== 'string' || typeof parsed.operatorSeed !== 'string') {
    throw new Error(`${file} is not a certhub bus authority`);
  }
  return parsed;
}

/** Written whole to a temporary file and renamed, so a crash never leaves half an authority behind. */
export function saveAuthority(file: string, authority: BusAuthority): void {
  writeSecret(file, `${JSON.stringify(authority, null, 2)}\n`);
}

/**
 * Creates the directory's bus on first use and keeps it afterwards. The authority is generated once: a new
 * one would orphan every producer's credentials and the encrypted store. Each service's credentials are kept
 * while they carry the permissions of the code that starts, and issued again (the old ones revoked) when they
 * do not, or when `rotate` names the role (service-creds.ts). The server configuration is written each time,
 * so the address and the revocations are those of this start.
 */
export function ensureBusFiles(
  dir: string,
  server: Omit<NatsServerConfigOptions, 'resolverDir'> & { readonly resolverDir?: string },
  rotate: readonly ServiceRole[] = [],
): { files: BusFiles; authority: BusAuthority; rotated: readonly ServiceRole[] } {
  const files = busFiles(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(files.authorityFile)) saveAuthority(files.authorityFile, createBusAuthority());
  const renewal = renewServiceCreds(loadAuthority(files.authorityFile), files, SERVICE_ROLES, rotate);
  const authority = renewal.authority;
  saveAuthority(files.authorityFile, authority);
  writeSecret(files.serverConfigFile, renderNatsServerConfig(authority, { resolverDir: join(dir, 'accounts'), ...server }));
  return { files, authority, rotated: renewal.issued };
}
