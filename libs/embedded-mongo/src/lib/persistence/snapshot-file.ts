import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { toPlain, type BsonDoc } from '../bson/bson-values';
import { decodeRecords, encodeRecord } from './record-codec';

export const SNAPSHOT_FILE = 'snapshot.bson';
const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Writes the full state atomically: a temp file, fsynced, then renamed over the old snapshot. `generation`
 * is the first journal generation NOT contained in it. A header and an end record with the count let a
 * reader tell a complete snapshot from a damaged one.
 */
export async function writeSnapshot(dir: string, generation: number, records: readonly BsonDoc[]): Promise<void> {
  const target = join(dir, SNAPSHOT_FILE);
  const temp = `${target}.tmp`;
  const file = await open(temp, 'w');
  try {
    let chunk: Buffer[] = [encodeRecord({ op: 'snapshot', format: 1, generation })];
    let chunkBytes = 0;
    for (const record of records) {
      const encoded = encodeRecord(record);
      chunk.push(encoded);
      chunkBytes += encoded.length;
      if (chunkBytes >= WRITE_CHUNK_BYTES) {
        await file.appendFile(Buffer.concat(chunk));
        chunk = [];
        chunkBytes = 0;
      }
    }
    chunk.push(encodeRecord({ op: 'end', records: records.length }));
    await file.appendFile(Buffer.concat(chunk));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, target);
  await syncDirectory(dir);
}

export interface LoadedSnapshot {
  readonly generation: number;
  readonly records: BsonDoc[];
}

/** The snapshot's records, or none when there is no snapshot yet. A damaged snapshot is an error. */
export async function readSnapshot(dir: string): Promise<LoadedSnapshot> {
  const path = join(dir, SNAPSHOT_FILE);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { generation: 0, records: [] };
    throw error;
  }
  const { records } = decodeRecords(data);
  const header = records[0];
  const end = records[records.length - 1];
  const inner = records.slice(1, -1);
  if (header?.['op'] !== 'snapshot' || end?.['op'] !== 'end' || Number(toPlain(end['records'])) !== inner.length) {
    throw new Error(`embedded-mongo: snapshot ${path} is damaged; restore it from a backup or remove the data directory`);
  }
  return { generation: Number(toPlain(header['generation'])), records: inner };
}

/** Makes a rename durable; some file systems cannot fsync a directory, which is then best effort. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (e.g. some network or Windows file systems).
  }
}
