import type { Binary, ObjectId } from 'bson';
import { bsonTypeOf, isPlainObject } from './bson-values';
import { MISSING } from './document-paths';

/**
 * A string that is equal for two plain values exactly when MongoDB treats them as the same index key:
 * numbers compare by value whatever their BSON type, missing equals null, objects compare field by field in
 * order. Used for `_id` look-ups, unique indexes and `distinct`. Every encoding is self-delimiting, so
 * concatenating them (compound keys) stays unambiguous.
 */
export function encodeKey(value: unknown): string {
  if (value === null || value === MISSING) return 'N';
  switch (typeof value) {
    case 'undefined':
      return 'U';
    case 'number':
      return Object.is(value, -0) ? 'n0;' : `n${String(value)};`;
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'bigint':
      return `n${value.toString()};`;
    default:
      break;
  }
  if (value instanceof Date) return `d${value.getTime()};`;
  if (value instanceof RegExp) return `r${JSON.stringify(value.source)}${JSON.stringify(value.flags)}`;
  if (Array.isArray(value)) return `[${value.map(encodeKey).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${encodeKey(v)}`).join(',')}}`;
  }
  const kind = bsonTypeOf(value);
  switch (kind) {
    case 'ObjectId':
      return `o${(value as ObjectId).toHexString()};`;
    case 'Long':
      // Only unsafe Longs reach here (toPlain turned the rest into numbers); same spelling as a number.
      return `n${String(value)};`;
    case 'Binary': {
      const binary = value as Binary;
      return `x${binary.sub_type}:${Buffer.from(binary.buffer).toString('hex')};`;
    }
    default:
      return `${kind ?? 'object'}${JSON.stringify(String(value))}`;
  }
}
