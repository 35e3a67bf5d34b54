import { isPlainObject, toPlain, type BsonDoc } from '../bson/bson-values';
import { CommandError } from '../storage/command-error';

/**
 * One command as received. `typed` keeps the exact BSON types (documents to store come from here); `body`
 * is the plain view, for options and for filters mingo evaluates.
 */
export class CommandRequest {
  readonly name: string;
  readonly db: string;
  readonly body: BsonDoc;

  constructor(readonly typed: BsonDoc) {
    this.name = Object.keys(typed)[0] ?? '';
    // Documents to insert are only ever stored typed: converting them here would be wasted work.
    const options = Object.fromEntries(Object.entries(typed).filter(([field]) => field !== 'documents'));
    this.body = toPlain(options) as BsonDoc;
    const db = this.body['$db'];
    this.db = typeof db === 'string' ? db : 'admin';
  }

  /** The collection named by the command's first field (`{ find: "users" }`). */
  get collectionName(): string {
    const value = this.body[this.name];
    if (typeof value !== 'string' || value.length === 0) {
      throw new CommandError(73, `collection name has invalid type ${describeType(value)}`);
    }
    return value;
  }

  get ns(): string {
    return `${this.db}.${this.collectionName}`;
  }

  doc(field: string): BsonDoc | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) throw typeMismatch(field, 'object', value);
    return value;
  }

  number(field: string): number | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number') throw typeMismatch(field, 'number', value);
    return value;
  }

  bool(field: string, fallback: boolean): boolean {
    const value = this.body[field];
    if (value === undefined || value === null) return fallback;
    return Boolean(value);
  }

  /** An array field as sent (typed), e.g. `documents` of an insert. */
  typedArray(field: string): unknown[] {
    const value = this.typed[field];
    if (!Array.isArray(value)) throw typeMismatch(field, 'array', value);
    return value;
  }
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return isPlainObject(value) ? 'object' : typeof value;
}

function typeMismatch(field: string, expected: string, value: unknown): CommandError {
  return new CommandError(14, `BSON field '${field}' is the wrong type '${describeType(value)}', expected type '${expected}'`);
}
