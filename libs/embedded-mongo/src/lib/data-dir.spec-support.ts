import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongoOptions } from './embedded-mongo';

/** A fresh data directory per test, removed after it with its crash image: read `dirs.dataDir` inside tests. */
export function useTempDataDir(): { readonly dataDir: string } {
  const dirs = { dataDir: '' };
  const made: string[] = [];
  beforeEach(() => {
    dirs.dataDir = mkdtempSync(join(tmpdir(), 'embedded-mongo-'));
    made.push(dirs.dataDir);
  });
  afterEach(() => {
    for (const dir of made.splice(0)) {
      for (const path of [dir, crashImagePath(dir)]) rmSync(path, { recursive: true, force: true });
    }
  });
  return dirs;
}

/** Runs `fn` against a fresh server on `dataDir`, stopping it cleanly (journal compacted into a snapshot) afterwards. */
export async function withServer<T>(
  dataDir: string,
  fn: (client: MongoClient) => Promise<T>,
  options: EmbeddedMongoOptions = {},
): Promise<T> {
  const server = await startEmbeddedMongo({ ...options, port: 0, dataDir });
  const client = await MongoClient.connect(server.url);
  try {
    return await fn(client);
  } finally {
    await client.close();
    await server.stop();
  }
}

/**
 * What a crash would leave behind: a copy of a running server's data directory, next to it. Nothing there has
 * been compacted yet, so a server started on the copy has to replay the journal. Only acknowledged writes are
 * sure to be in it. The copied lock names this process, which the next server treats as stale.
 */
export function crashImage(dataDir: string): string {
  const copy = crashImagePath(dataDir);
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

function crashImagePath(dataDir: string): string {
  return `${dataDir}-crash`;
}

/** Polls `check` until it holds, failing after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition still false after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
