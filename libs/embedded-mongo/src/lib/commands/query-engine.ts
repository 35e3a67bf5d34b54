import { isPlainObject, retype, type BsonDoc } from '../bson/bson-values';
import type { Collection } from '../storage/collection';
import type { StoredDoc } from '../storage/stored-doc';
import { CommandError } from '../storage/command-error';
import { mingoQuery } from '../storage/mingo-query';
import { indexCandidates } from './index-candidates';

export interface SelectOptions {
  readonly sort?: BsonDoc;
  readonly skip?: number;
  /** 0 or absent: no limit. */
  readonly limit?: number;
}

type SortSpec = Record<string, 1 | -1>;

/**
 * The documents of `collection` that match `filter` (plain), in natural or `sort` order, after skip/limit.
 * Evaluated by mingo over a collection scan, or over the candidates an index look-up finds (see
 * indexCandidates), each counted in scannedObjects when examined, as mongod counts documents examined.
 */
export function selectDocs(collection: Collection | undefined, filter: BsonDoc, options: SelectOptions = {}): StoredDoc[] {
  // Compiled first, so a bad filter is an error even when the collection does not exist (as in MongoDB).
  const query = mingoQuery(filter);
  if (!collection) return [];
  const skip = Math.max(0, options.skip ?? 0);
  const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
  const found = indexCandidates(collection, filter);
  const candidates = found?.docs ?? collection.documents();
  const stats = collection.stats;
  const matches = (doc: StoredDoc): boolean => {
    stats.scannedObjects += 1;
    return query.test(doc.plain);
  };
  const sort = sortSpec(options.sort);
  if (!sort) {
    const out: StoredDoc[] = [];
    let skipped = 0;
    for (const doc of candidates) {
      if (out.length >= limit) break;
      if (!matches(doc)) continue;
      if (skipped < skip) skipped += 1;
      else out.push(doc);
    }
    return out;
  }
  const all = [...candidates];
  if (sortsById(sort) && all.every((doc) => Number.isFinite(doc.plain['_id']))) {
    if (!found?.inIdOrder) return sortedById(all.filter(matches), sort).slice(skip, skip + limit);
    // As MongoDB reads an index that ends in `_id`: in order, examining only until skip + limit have matched.
    const out: StoredDoc[] = [];
    for (const doc of sortedById(all, sort)) {
      if (out.length >= skip + limit) break;
      if (matches(doc)) out.push(doc);
    }
    return out.slice(skip);
  }
  const matched = all.filter(matches);
  const byPlain = new Map(matched.map((doc) => [doc.plain, doc]));
  const sorted = mingoQuery({}).find<BsonDoc>(matched.map((doc) => doc.plain)).sort(sort).all();
  return sorted.slice(skip, skip + limit).map((plain) => {
    const doc = byPlain.get(plain);
    if (!doc) throw new Error('sort returned a document it was not given');
    return doc;
  });
}

/** The typed documents to send back, with `projection` applied (by mingo, on the plain view). */
export function projectDocs(docs: readonly StoredDoc[], projection: BsonDoc | undefined, filter: BsonDoc): BsonDoc[] {
  if (!projection || Object.keys(projection).length === 0) return docs.map((doc) => doc.typed);
  // The filter is passed along for positional projections (`"items.$": 1`); every doc already matches it.
  const projected = mingoQuery(filter).find<BsonDoc>(docs.map((doc) => doc.plain), projection).all();
  if (projected.length !== docs.length) throw new Error('projection dropped documents');
  return projected.map((plain, i) => retype(plain, docs[i].typed) as BsonDoc);
}

/** A sort on `_id` alone: with numeric ids (as storage's), ordered by a plain comparison instead of mingo. */
function sortsById(sort: SortSpec): boolean {
  const fields = Object.keys(sort);
  return fields.length === 1 && fields[0] === '_id';
}

/** Ids compare as numbers whatever their BSON number type; the caller checked every one is a finite number. */
function sortedById(docs: StoredDoc[], sort: SortSpec): StoredDoc[] {
  const direction = sort['_id'];
  return docs.sort((a, b) => direction * ((a.plain['_id'] as number) - (b.plain['_id'] as number)));
}

function sortSpec(sort: BsonDoc | undefined): SortSpec | undefined {
  if (!sort) return undefined;
  const spec: SortSpec = {};
  for (const [field, direction] of Object.entries(sort)) {
    if (field === '$natural') continue; // natural order is what a scan yields anyway
    if (typeof direction !== 'number' || direction === 0) {
      throw new CommandError(2, `embedded-mongo supports only 1/-1 sort directions; got ${JSON.stringify(String(direction))} for '${field}'`);
    }
    spec[field] = direction > 0 ? 1 : -1;
  }
  return Object.keys(spec).length > 0 ? spec : undefined;
}

/** Collations change how strings compare; silently ignoring one would give different answers than MongoDB. */
export function rejectCollation(body: BsonDoc): void {
  const collation = body['collation'];
  if (isPlainObject(collation) && collation['locale'] !== 'simple') {
    throw new CommandError(115, 'embedded-mongo does not support collations');
  }
}
