import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { toPlain, type BsonDoc } from '../bson/bson-values';
import { decodeRecords, encodeRecord, encodeRecordInto } from './record-codec';

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
    // One buffer, filled and written in turn: a snapshot holds every document, and a Buffer or two per
    // document, freed only by a later GC, made each compaction's footprint grow with the whole database.
    const chunk = Buffer.allocUnsafe(WRITE_CHUNK_BYTES);
    let used = 0;
    const put = async (record: BsonDoc) => {
      let end = encodeRecordInto(record, chunk, used);
      if (end === undefined && used > 0) {
        await writeAll(file, chunk.subarray(0, used));
        used = 0;
        end = encodeRecordInto(record, chunk, used);
      }
      if (end === undefined) await writeAll(file, encodeRecord(record)); // larger than a whole chunk
      else used = end;
    };
    await put({ op: 'snapshot', format: 1, generation });
    for (const record of records) await put(record);
    await put({ op: 'end', records: records.length });
    if (used > 0) await writeAll(file, chunk.subarray(0, used));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, target);
  await syncDirectory(dir);
}

/** FileHandle.write may write less than it was given; the rest follows until all of it is written. */
async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) offset += (await file.write(bytes, offset, bytes.length - offset)).bytesWritten;
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
