import { setOwn, type BsonDoc } from '../bson/bson-values';
import { formatShell } from '../bson/shell-format';
import { CommandError } from './command-error';

/**
 * E11000 exactly as MongoDB 7 words it; mongoose and our storage service read `code`, `keyPattern` and
 * `keyValue`, people read `errmsg`.
 */
export function duplicateKeyError(ns: string, indexName: string, keyPattern: BsonDoc, values: readonly unknown[]): CommandError {
  const keyValue: BsonDoc = {};
  Object.keys(keyPattern).forEach((field, i) => setOwn(keyValue, field, values[i] ?? null));
  return new CommandError(
    11000,
    `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: ${formatShell(keyValue)}`,
    { keyPattern, keyValue },
  );
}
