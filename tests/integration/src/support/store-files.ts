import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a nats-server JetStream store directory, read raw, as someone with the disk would. */
export function readStoreFiles(dir: string): Buffer[] {
  const found: Buffer[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(readFileSync(full));
    }
  };
  walk(dir);
  return found;
}
