import { UUID } from 'bson';
import { toPlain, type BsonDoc } from '../bson/bson-values';
import { encodeKey } from '../bson/key-encoding';
import { CommandError } from './command-error';
import { DateRangeIndex } from './date-range-index';
import { duplicateKeyError } from './duplicate-key-error';
import { ID_INDEX, sameKeyPattern, type IndexDefinition } from './index-definition';
import type { ScanStats } from './scan-stats';
import { assertDocumentSize, toStored, type StoredDoc } from './stored-doc';
import { EqualityIndex } from './equality-index';
import { UniqueIndex } from './unique-index';

/** Receives every applied mutation, in order: the journal. */
export type MutationSink = (mutation: BsonDoc) => void;

/**
 * One collection's documents (in insertion order, like a WiredTiger collection scan) and indexes. Every
 * method is synchronous and checks all unique indexes before it changes anything, so a check can never be
 * separated from its write by another client's command.
 */
export class Collection {
  readonly uuid = new UUID();
  private readonly docs = new Map<string, StoredDoc>();
  private readonly indexes = new Map<string, IndexDefinition>([[ID_INDEX.name, ID_INDEX]]);
  private readonly uniques = new Map<string, UniqueIndex>();
  /** One per non-unique index: equality look-ups only, nothing enforced. */
  private readonly equalities = new Map<string, EqualityIndex>();
  /** Per leading field of an index: the dates it holds there, in order, for range look-ups. */
  private readonly dateRanges = new Map<string, DateRangeIndex>();

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: BsonDoc,
    private readonly sink: MutationSink,
    /** The server's counters, which queries on this collection add to. */
    readonly stats: ScanStats,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get count(): number {
    return this.docs.size;
  }

  documents(): IterableIterator<StoredDoc> {
    return this.docs.values();
  }

  byId(plainId: unknown): StoredDoc | undefined {
    return this.docs.get(encodeKey(plainId));
  }

  /** By StoredDoc.id (an already encoded `_id`), as unique indexes name their owners. */
  byStoredId(id: string): StoredDoc | undefined {
    return this.docs.get(id);
  }

  equalityIndexes(): IterableIterator<EqualityIndex> {
    return this.equalities.values();
  }

  uniqueIndexes(): IterableIterator<UniqueIndex> {
    return this.uniques.values();
  }

  /** The date order of an index that starts with `field`, if there is one (see dateRangeFieldOf). */
  dateRange(field: string): DateRangeIndex | undefined {
    return this.dateRanges.get(field);
  }

  /** Adds a document whose `_id` is set (and first). */
  insert(typed: BsonDoc): StoredDoc {
    const stored = toStored(typed);
    assertDocumentSize(typed);
    if (this.docs.has(stored.id)) throw duplicateKeyError(this.ns, ID_INDEX.name, { _id: 1 }, [stored.plain['_id']]);
    for (const index of this.uniques.values()) index.check(stored.plain, stored.id);
    this.link(stored);
    this.sink({ op: 'put', db: this.db, coll: this.name, doc: typed });
    return stored;
  }

  /** Swaps `current` for a new version with the same `_id`. */
  replace(current: StoredDoc, typed: BsonDoc): StoredDoc {
    const next = toStored(typed);
    if (next.id !== current.id) throw new CommandError(66, "Performing an update on the path '_id' would modify the immutable field '_id'");
    assertDocumentSize(typed);
    for (const index of this.uniques.values()) index.check(next.plain, next.id);
    for (const index of this.uniques.values()) index.remove(current.plain, current.id);
    for (const index of this.equalities.values()) index.remove(current.plain, current.id);
    for (const range of this.dateRanges.values()) range.remove(current.plain, current.id);
    // Same Map key: the document keeps its place in natural order, as an updated WiredTiger record does.
    this.docs.set(next.id, next);
    for (const index of this.uniques.values()) index.add(next.plain, next.id);
    for (const index of this.equalities.values()) index.add(next.plain, next.id);
    for (const range of this.dateRanges.values()) range.add(next.plain, next.id);
    this.sink({ op: 'put', db: this.db, coll: this.name, doc: typed });
    return next;
  }

  remove(current: StoredDoc): void {
    this.unlink(current);
    this.sink({ op: 'delete', db: this.db, coll: this.name, id: current.typed['_id'] });
  }

  indexList(): IndexDefinition[] {
    return [...this.indexes.values()];
  }

  /** Builds the index over the existing documents; a unique index over duplicates fails like mongod's. */
  addIndex(definition: IndexDefinition): void {
    if (definition.unique) {
      const index = new UniqueIndex(definition, this.ns);
      try {
        for (const doc of this.docs.values()) {
          index.check(doc.plain, doc.id);
          index.add(doc.plain, doc.id);
        }
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        throw new CommandError(error.code, `Index build failed: ${this.uuid.toHexString()}: Collection ${this.ns} ` +
          `( ${this.uuid.toHexString()} ) :: caused by :: ${error.message}`, error.extra);
      }
      this.uniques.set(definition.name, index);
    } else {
      this.equalities.set(definition.name, this.equalityIndex(definition));
    }
    this.indexes.set(definition.name, definition);
    this.syncDateRanges();
    this.sink({ op: 'createIndex', db: this.db, coll: this.name, spec: definition.spec });
  }

  /**
   * collMod: gives an existing index a new spec with the same name and key (only options like
   * `expireAfterSeconds` change, so the unique map and date orders stay as they are). Journaled as a
   * createIndex record, which replay applies as "this index now has this spec", in the same place in the list.
   */
  modifyIndex(definition: IndexDefinition): void {
    const existing = this.indexes.get(definition.name);
    if (!existing || !sameKeyPattern(existing, definition)) {
      throw new Error(`modifyIndex: ${this.ns} has no index ${definition.name} with that key`);
    }
    this.indexes.set(definition.name, definition);
    this.sink({ op: 'createIndex', db: this.db, coll: this.name, spec: definition.spec });
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
    this.uniques.delete(name);
    this.equalities.delete(name);
    this.syncDateRanges();
    this.sink({ op: 'dropIndex', db: this.db, coll: this.name, name });
  }

  /** Journal replay: no checks and no index upkeep; `rebuildIndexes()` runs once replay is done. */
  restorePut(typed: BsonDoc): void {
    const stored = toStored(typed);
    this.docs.set(stored.id, stored);
  }

  restoreDelete(typedId: unknown): void {
    this.docs.delete(encodeKey(toPlain(typedId)));
  }

  restoreIndex(definition: IndexDefinition): void {
    this.indexes.set(definition.name, definition);
    this.uniques.delete(definition.name);
    this.equalities.delete(definition.name);
  }

  restoreDropIndex(name: string): void {
    this.indexes.delete(name);
    this.uniques.delete(name);
    this.equalities.delete(name);
  }

  /** Rebuilds the unique-key and equality maps and date orders after replay; returns the index names that found duplicates (a bug). */
  rebuildIndexes(): string[] {
    this.dateRanges.clear();
    this.syncDateRanges();
    const broken: string[] = [];
    this.equalities.clear();
    for (const definition of this.indexes.values()) {
      if (definition === ID_INDEX) continue;
      if (!definition.unique) {
        this.equalities.set(definition.name, this.equalityIndex(definition));
        continue;
      }
      const index = new UniqueIndex(definition, this.ns);
      for (const doc of this.docs.values()) {
        try {
          index.check(doc.plain, doc.id);
          index.add(doc.plain, doc.id);
        } catch {
          broken.push(definition.name);
          // The document is not in the map, so a look-up could miss it: queries must scan instead.
          index.markIncomplete();
        }
      }
      this.uniques.set(definition.name, index);
    }
    return broken;
  }

  private equalityIndex(definition: IndexDefinition): EqualityIndex {
    const index = new EqualityIndex(definition);
    for (const doc of this.docs.values()) index.add(doc.plain, doc.id);
    return index;
  }

  private link(stored: StoredDoc): void {
    this.docs.set(stored.id, stored);
    for (const index of this.uniques.values()) index.add(stored.plain, stored.id);
    for (const index of this.equalities.values()) index.add(stored.plain, stored.id);
    for (const range of this.dateRanges.values()) range.add(stored.plain, stored.id);
  }

  private unlink(stored: StoredDoc): void {
    this.docs.delete(stored.id);
    for (const index of this.uniques.values()) index.remove(stored.plain, stored.id);
    for (const index of this.equalities.values()) index.remove(stored.plain, stored.id);
    for (const range of this.dateRanges.values()) range.remove(stored.plain, stored.id);
  }

  /** One date order per field some index leads with: built over the documents when first needed, dropped with the last such index. */
  private syncDateRanges(): void {
    const wanted = new Set([...this.indexes.values()].flatMap((definition) => dateRangeFieldOf(definition) ?? []));
    for (const field of this.dateRanges.keys()) if (!wanted.has(field)) this.dateRanges.delete(field);
    for (const field of wanted) {
      if (this.dateRanges.has(field)) continue;
      const range = new DateRangeIndex(field);
      for (const doc of this.docs.values()) range.add(doc.plain, doc.id);
      this.dateRanges.set(field, range);
    }
  }
}

/**
 * The field a range on which this index can serve: its first one. Not for a partial index (a document it
 * leaves out can still match the query), nor for a path with a numeric or empty part (read one way by the
 * index, another by mingo).
 */
function dateRangeFieldOf(definition: IndexDefinition): string | undefined {
  const [field] = definition.fields;
  if (definition.partialFilter || field === undefined) return undefined;
  return field.split('.').every((part) => part.length > 0 && !/^\d+$/.test(part)) ? field : undefined;
}
