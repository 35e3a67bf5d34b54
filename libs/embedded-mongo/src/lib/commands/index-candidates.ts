import type { BsonDoc } from '../bson/bson-values';
import type { Collection } from '../storage/collection';
import type { EqualityIndex } from '../storage/equality-index';
import type { StoredDoc } from '../storage/stored-doc';
import { pinnedDateRanges } from './pinned-date-ranges';
import { isLookupValue, pinnedEqualities } from './pinned-equalities';

/**
 * The documents that can match `filter`, found through `_id` or a unique index when the filter pins every
 * field of one to a plain value (at most one), else through a non-unique index whose every key field is pinned
 * (those under that key, in the index's order), else through an index led by a field the filter confines to
 * a date range (those in the range). Undefined when no index applies and the caller must scan.
 * The caller still applies the whole filter to what it gets: this only narrows where to look.
 */
export function indexCandidates(collection: Collection, filter: BsonDoc): IndexCandidates | undefined {
  const unique = uniqueCandidates(collection, filter);
  if (unique) return { docs: unique, inIdOrder: true };
  const equal = equalityCandidates(collection, filter);
  if (equal) return equal;
  const inRange = dateRangeCandidates(collection, filter);
  return inRange && { docs: inRange, inIdOrder: false };
}

export interface IndexCandidates {
  readonly docs: StoredDoc[];
  /**
   * Found through an index whose key ends in `_id` (or at most one): a real index holds them in id order, so a
   * sort on `_id` examines only the documents it returns.
   */
  readonly inIdOrder: boolean;
}

/** Of the non-unique indexes whose whole key the filter pins, the one holding the fewest documents under it. */
function equalityCandidates(collection: Collection, filter: BsonDoc): IndexCandidates | undefined {
  const pinned = pinnedEqualities(filter);
  if (pinned.size === 0) return undefined;
  let fewest: { owners: readonly string[]; index: EqualityIndex } | undefined;
  for (const index of collection.equalityIndexes()) {
    const values = keyValues(index.keyFields, pinned);
    const owners = values && index.lookup(values);
    if (owners && (!fewest || owners.length < fewest.owners.length)) fewest = { owners, index };
  }
  if (!fewest) return undefined;
  const docs = fewest.owners.map((id) => {
    const doc = collection.byStoredId(id);
    if (!doc) throw new Error(`an equality index of ${collection.ns} names a document it does not hold`);
    return doc;
  });
  return { docs, inIdOrder: docs.length <= 1 || fewest.index.listsInIdOrder };
}

function uniqueCandidates(collection: Collection, filter: BsonDoc): StoredDoc[] | undefined {
  const pinned = pinnedEqualities(filter);
  if (pinned.size === 0) return undefined;
  if (pinned.has('_id')) {
    const doc = collection.byId(pinned.get('_id'));
    return doc ? [doc] : [];
  }
  for (const index of collection.uniqueIndexes()) {
    const values = keyValues(index.definition.fields, pinned);
    const found = values && index.lookup(values);
    if (!found) continue;
    if (found.owner === undefined) return [];
    const doc = collection.byStoredId(found.owner);
    if (!doc) throw new Error(`unique index ${index.definition.name} names a document ${collection.ns} does not hold`);
    return [doc];
  }
  return undefined;
}

/** Of the date ranges the filter pins on an indexed field, the one with the fewest documents, as a planner would pick. */
function dateRangeCandidates(collection: Collection, filter: BsonDoc): StoredDoc[] | undefined {
  let fewest: string[] | undefined;
  for (const [field, bounds] of pinnedDateRanges(filter)) {
    const ids = collection.dateRange(field)?.candidates(bounds);
    if (ids && (!fewest || ids.length < fewest.length)) fewest = ids;
  }
  return fewest?.map((id) => {
    const doc = collection.byStoredId(id);
    if (!doc) throw new Error(`a date index of ${collection.ns} names a document it does not hold`);
    return doc;
  });
}

/** The pinned value of every indexed field, in index order; undefined if one is not pinned to a usable value. */
function keyValues(fields: readonly string[], pinned: ReadonlyMap<string, unknown>): unknown[] | undefined {
  const values: unknown[] = [];
  for (const field of fields) {
    const value = pinned.get(field);
    if (!pinned.has(field) || !isLookupValue(value) || !isLookupPath(field)) return undefined;
    values.push(value);
  }
  return values;
}

/**
 * A numeric part (`items.0`) is read one way by the index (that element only) and another by mingo; an
 * empty part is not a real path. Either way the index could miss a match, so such fields never look up.
 */
function isLookupPath(field: string): boolean {
  return field.split('.').every((part) => part.length > 0 && !/^\d+$/.test(part));
}
