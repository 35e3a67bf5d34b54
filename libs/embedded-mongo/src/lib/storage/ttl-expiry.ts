import { toPlain, type BsonDoc } from '../bson/bson-values';
import { valuesAtPath } from '../bson/document-paths';
import type { Collection } from './collection';
import type { IndexDefinition } from './index-definition';
import { mingoQuery } from './mingo-query';
import type { StoredDoc } from './stored-doc';

/**
 * The whole seconds after which an index expires documents, or undefined when the TTL monitor ignores it. As in
 * mongod: only single-field indexes (a compound index keeps `expireAfterSeconds` but nothing expires), and only a
 * usable number (NaN or a negative value, which mongod refuses to create anyway, never expires anything).
 */
export function ttlSecondsOf(definition: IndexDefinition): number | undefined {
  if (definition.fields.length !== 1) return undefined;
  const seconds = toPlain(definition.spec['expireAfterSeconds']);
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return undefined;
  // mongod reads the option as a whole number of seconds (safeNumberLong).
  return Math.trunc(seconds);
}

/**
 * The documents a TTL index has expired at `now` (ms): those whose indexed field holds a Date, or an array with
 * Dates, whose earliest is at or before now − expireAfterSeconds (mongod deletes the index range up to that
 * instant, both ends included). A missing field or one with no Date never expires. A partial index only expires
 * the documents it holds.
 */
export function expiredDocuments(collection: Collection, definition: IndexDefinition, seconds: number, now: number): StoredDoc[] {
  const [field] = definition.fields;
  const cutoff = now - seconds * 1000;
  const partial = definition.partialFilter ? mingoQuery(definition.partialFilter) : undefined;
  const expired: StoredDoc[] = [];
  for (const doc of candidates(collection, field, cutoff)) {
    if (earliestDate(doc.plain, field) <= cutoff && (!partial || partial.test(doc.plain))) expired.push(doc);
  }
  return expired;
}

/**
 * Where expired documents can be: the field's date order when some index keeps one (it lists every document
 * with a Date at the path, whatever that index's filter, so a range up to the cutoff finds them all without a
 * scan), else every document. Callers still test each candidate.
 */
function* candidates(collection: Collection, field: string, cutoff: number): Iterable<StoredDoc> {
  const range = collection.dateRange(field);
  if (!range) {
    yield* collection.documents();
    return;
  }
  for (const id of range.candidates({ high: { at: cutoff, inclusive: true } })) {
    const doc = collection.byStoredId(id);
    if (doc) yield doc;
  }
}

/** Milliseconds of the earliest Date at `field` (through arrays, like an index key), or +Infinity when none. */
function earliestDate(doc: BsonDoc, field: string): number {
  let earliest = Infinity;
  for (const value of valuesAtPath(doc, field).values) {
    if (value instanceof Date && value.getTime() < earliest) earliest = value.getTime();
  }
  return earliest;
}
