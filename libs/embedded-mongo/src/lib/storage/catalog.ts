import type { BsonDoc } from '../bson/bson-values';
import { Collection, type MutationSink } from './collection';
import { CommandError } from './command-error';
import type { ScanStats } from './scan-stats';

/** All databases and their collections; a database exists while it has a collection, as in MongoDB. */
export class Catalog {
  /** Where applied mutations go; the durable store points it at the journal once replay is done. */
  sink: MutationSink = () => undefined;
  /** Counted across collections, so dropping one does not take its share away (serverStatus is monotonic). */
  readonly stats: ScanStats = { scannedObjects: 0 };
  private readonly databases = new Map<string, Map<string, Collection>>();
  private readonly forward: MutationSink = (mutation) => this.sink(mutation);

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  collection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Writes and createIndexes create their collection implicitly. */
  ensureCollection(db: string, name: string): { collection: Collection; created: boolean } {
    const existing = this.collection(db, name);
    if (existing) return { collection: existing, created: false };
    return { collection: this.createCollection(db, name, {}), created: true };
  }

  createCollection(db: string, name: string, options: BsonDoc): Collection {
    assertDatabaseName(db);
    assertCollectionName(name);
    if (this.collection(db, name)) throw new CommandError(48, `Collection ${db}.${name} already exists.`);
    const collection = this.attach(db, name, options);
    this.sink({ op: 'createCollection', db, coll: name, options });
    return collection;
  }

  dropCollection(db: string, name: string): Collection | undefined {
    const collection = this.collection(db, name);
    if (!collection) return undefined;
    this.detach(db, name);
    this.sink({ op: 'dropCollection', db, coll: name });
    return collection;
  }

  dropDatabase(db: string): void {
    if (!this.databases.delete(db)) return;
    this.sink({ op: 'dropDatabase', db });
  }

  /** Journal replay: the same changes without validation or journaling. */
  restoreCollection(db: string, name: string, options: BsonDoc): Collection {
    return this.collection(db, name) ?? this.attach(db, name, options);
  }

  restoreDropCollection(db: string, name: string): void {
    this.detach(db, name);
  }

  restoreDropDatabase(db: string): void {
    this.databases.delete(db);
  }

  private attach(db: string, name: string, options: BsonDoc): Collection {
    const collection = new Collection(db, name, options, this.forward, this.stats);
    const collections = this.databases.get(db) ?? new Map<string, Collection>();
    collections.set(name, collection);
    this.databases.set(db, collections);
    return collection;
  }

  private detach(db: string, name: string): void {
    const collections = this.databases.get(db);
    collections?.delete(name);
    if (collections?.size === 0) this.databases.delete(db);
  }
}

export function assertDatabaseName(db: string): void {
  if (db.length === 0 || db.length >= 64 || /[/\\. "$\0]/.test(db)) {
    throw new CommandError(73, `Invalid database name: '${db}'`);
  }
}

export function assertCollectionName(name: string): void {
  if (name.length === 0 || name.includes('\0') || name.includes('$') || name.startsWith('system.')) {
    throw new CommandError(73, `Invalid collection name: ${name}`);
  }
}
