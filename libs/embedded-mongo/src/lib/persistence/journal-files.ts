import { readdir, readFile, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BsonDoc } from '../bson/bson-values';
import { decodeRecords } from './record-codec';

const JOURNAL_NAME = /^journal-(\d+)\.bson$/;

export function journalPath(dir: string, generation: number): string {
  return join(dir, `journal-${String(generation).padStart(8, '0')}.bson`);
}

/** Generations of the journal files in `dir`, oldest first. */
export async function journalGenerations(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  return names
    .map((name) => JOURNAL_NAME.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

/**
 * The complete records of one journal file. A torn tail (a crash mid-append) or trailing garbage is cut
 * off the file, so the next appends follow the last good record.
 */
export async function readJournal(dir: string, generation: number, log: (line: string) => void): Promise<BsonDoc[]> {
  const path = journalPath(dir, generation);
  const data = await readFile(path);
  const { records, validLength } = decodeRecords(data);
  if (validLength < data.length) {
    log(`embedded-mongo: ${path}: dropping ${data.length - validLength} bytes of incomplete or damaged records at the end`);
    await truncate(path, validLength);
  }
  return records;
}

export async function removeJournalsBefore(dir: string, generation: number): Promise<void> {
  for (const old of await journalGenerations(dir)) {
    if (old < generation) await unlink(journalPath(dir, old));
  }
}
