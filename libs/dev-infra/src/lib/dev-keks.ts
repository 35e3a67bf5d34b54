import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key-encryption keys for a local stack: CERTHUB_KEKS when set, else a key generated once per machine
 * and kept (mode 0600) in the data folder, which git ignores. Never a key committed to the repository.
 */
export function devKeks(dataDir: string): string {
  const configured = process.env['CERTHUB_KEKS'];
  if (configured) return configured;
  const file = join(dataDir, 'dev-keks');
  if (!existsSync(file)) writeFileSync(file, `dev1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
