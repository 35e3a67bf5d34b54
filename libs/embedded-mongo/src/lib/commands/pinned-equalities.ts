import { bsonTypeOf, isPlainObject, type BsonDoc } from '../bson/bson-values';

/**
 * The top-level conditions of a plain filter that pin a field to one value: `field: value` or
 * `field: { $eq: value }`, where the value is not an array, regex or document (those mean more than a
 * plain equality). Every document the filter matches has that value at that field (or in an array there).
 * Conditions inside `$and`/`$or` are not looked at.
 */
export function pinnedEqualities(filter: BsonDoc): Map<string, unknown> {
  const pinned = new Map<string, unknown>();
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    let value = condition;
    if (isPlainObject(value)) {
      const operators = Object.keys(value);
      if (operators.length !== 1 || operators[0] !== '$eq') continue;
      value = value['$eq'];
    }
    if (Array.isArray(value) || value instanceof RegExp || isPlainObject(value)) continue;
    pinned.set(field, value);
  }
  return pinned;
}

/**
 * Values for which mingo's equality and the index key encoding agree: mingo says equal only when the
 * encodings are equal (Int32 1, Double 1.0 and Long 1 are all the number 1 by then). Left out: null (it also
 * matches missing fields, which a sparse index skips), Binary (mingo ignores the subtype, the index does
 * not), Longs beyond 2^53, Decimal128, undefined and the rarer BSON types.
 */
export function isLookupValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    default:
      return value instanceof Date || bsonTypeOf(value) === 'ObjectId';
  }
}
