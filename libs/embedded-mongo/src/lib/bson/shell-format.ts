import type { Binary, ObjectId } from 'bson';
import { bsonTypeOf, isPlainObject } from './bson-values';
import { MISSING } from './document-paths';

/**
 * A value printed the way mongod prints it inside error messages (`dup key: { name: "x", n: 1 }`): strings in
 * double quotes, ObjectId('...'), new Date(ms), BinData(subtype, HEX).
 */
export function formatShell(value: unknown): string {
  if (value === null || value === MISSING) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'nan.0' : value > 0 ? 'inf.0' : '-inf.0';
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      break;
  }
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map(formatShell).join(', ')} ]`;
  if (isPlainObject(value)) {
    const fields = Object.entries(value).map(([key, child]) => `${key}: ${formatShell(child)}`);
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  }
  switch (bsonTypeOf(value)) {
    case 'ObjectId':
      return `ObjectId('${(value as ObjectId).toHexString()}')`;
    case 'Binary': {
      const binary = value as Binary;
      return `BinData(${binary.sub_type}, ${Buffer.from(binary.buffer).toString('hex').toUpperCase()})`;
    }
    default:
      return String(value);
  }
}
