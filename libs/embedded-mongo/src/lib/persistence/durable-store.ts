import { mkdir, open } from 'node:fs/promises';
import type { Catalog } from '../storage/catalog';
import { applyRecord, catalogRecords } from '../storage/catalog-records';
import { CommandError } from '../storage/command-error';
import { lockDataDir } from './data-dir-lock';
import type { Durability } from './durability';
import { Journal } from './journal';
import { journalGenerations, journalPath, readJournal, removeJournalsBefore } from './journal-files';
import { readSnapshot, syncDirectory, writeSnapshot } from './snapshot-file';

export interface DurableStoreOptions {
  readonly dir: string;
  readonly fsync: boolean;
  readonly compactAtBytes: number;
  readonly log: (line: string) => void;
}

/**
 * Persistence for a data directory: a snapshot plus journals of the mutations applied since. Replays both
 * into the catalog on open, then journals every mutation; compacts (a new snapshot, old journals deleted)
 * when the journal grows large and on a clean close.
 */
export class DurableStore implements Durability {
  private constructor(
    private readonly catalog: Catalog,
    private readonly options: DurableStoreOptions,
    private readonly unlock: () => void,
    private generation: number,
    private readonly journal: Journal,
  ) {}

  static async open(catalog: Catalog, options: DurableStoreOptions): Promise<DurableStore> {
    await mkdir(options.dir, { recursive: true });
    const unlock = lockDataDir(options.dir);
    try {
      const replayed = await replay(catalog, options);
      let generation = replayed.generation;
      if (replayed.journalRecords > 0) {
        // Start from a snapshot, so the next start does not replay these journals again.
        generation += 1;
        await writeSnapshot(options.dir, generation, [...catalogRecords(catalog)]);
        await removeJournalsBefore(options.dir, generation);
      }
      const file = await open(journalPath(options.dir, generation), 'a');
      await syncDirectory(options.dir);
      const size = (await file.stat()).size;
      // The journal calls back into the store it belongs to, which needs the journal to exist first.
      const owner: { store?: DurableStore } = {};
      const journal = new Journal(file, size, {
        fsync: options.fsync,
        compactAtBytes: options.compactAtBytes,
        compact: () => owner.store?.compact() ?? Promise.resolve(),
        log: options.log,
      });
      const store = new DurableStore(catalog, options, unlock, generation, journal);
      owner.store = store;
      catalog.sink = (mutation) => journal.append(mutation);
      return store;
    } catch (error) {
      unlock();
      throw error;
    }
  }

  get sequence(): number {
    return this.journal.sequence;
  }

  waitDurable(sequence: number): Promise<void> {
    return this.journal.waitDurable(sequence);
  }

  assertWritable(): void {
    const failure = this.journal.failed;
    if (failure) throw new CommandError(1, `embedded-mongo: the journal could not be written (${failure.message}); writes are refused`);
  }

  /** Flushes the journal, writes a final snapshot when anything changed, and releases the directory. */
  async close(): Promise<void> {
    this.catalog.sink = () => undefined;
    try {
      await this.journal.drain();
      if (!this.journal.failed && this.journal.bytesInFile > 0) await this.compact();
      await this.journal.close();
    } finally {
      this.unlock();
    }
  }

  /** New journal file, snapshot of memory as of the switch, then the journals it covers are deleted. */
  private async compact(): Promise<void> {
    const next = this.generation + 1;
    const nextFile = await open(journalPath(this.options.dir, next), 'a');
    // The new file's directory entry must be durable before acknowledged writes depend on it.
    await syncDirectory(this.options.dir);
    const previous = this.journal.rotate(nextFile);
    // Captured synchronously right after the switch: documents are immutable, so references suffice.
    const records = [...catalogRecords(this.catalog)];
    this.generation = next;
    await previous.close();
    await writeSnapshot(this.options.dir, next, records);
    await removeJournalsBefore(this.options.dir, next);
  }
}

interface Replayed {
  /** The newest generation found (snapshot or journal). */
  readonly generation: number;
  readonly journalRecords: number;
}

/** Loads snapshot and journals into `catalog`. */
async function replay(catalog: Catalog, options: DurableStoreOptions): Promise<Replayed> {
  const snapshot = await readSnapshot(options.dir);
  for (const record of snapshot.records) applyRecord(catalog, record);
  let generation = snapshot.generation;
  let journalRecords = 0;
  for (const journal of await journalGenerations(options.dir)) {
    if (journal < snapshot.generation) continue;
    const records = await readJournal(options.dir, journal, options.log);
    for (const record of records) applyRecord(catalog, record);
    journalRecords += records.length;
    generation = journal;
  }
  await removeJournalsBefore(options.dir, snapshot.generation);
  for (const db of catalog.databaseNames()) {
    for (const collection of catalog.collections(db)) {
      for (const name of collection.rebuildIndexes()) {
        options.log(`embedded-mongo: ${collection.ns}: unique index ${name} has duplicate keys after replay`);
      }
    }
  }
  return { generation, journalRecords };
}
