import { Long } from 'bson';
import { isPlainObject, toPlain, type BsonDoc } from '../bson/bson-values';
import { encodeKey } from '../bson/key-encoding';
import { formatShell } from '../bson/shell-format';
import type { Collection } from '../storage/collection';
import { CommandError } from '../storage/command-error';
import { ID_INDEX, type IndexDefinition } from '../storage/index-definition';
import type { CommandHandler } from './command-context';
import { describeType } from './command-request';
import { GENERIC_FIELDS } from './generic-fields';

/** mongod's kExpireAfterSecondsMax: the largest 32-bit int. */
const MAX_EXPIRE_AFTER_SECONDS = 2 ** 31 - 1;

/** What mongod's collMod can also change about an index; refused rather than ignored, as elsewhere here. */
const UNSUPPORTED_INDEX_CHANGES = new Set(['hidden', 'unique', 'prepareUnique', 'forceNonUnique']);

/**
 * `collMod`: with no options a no-op (it then only checks that the collection exists); with
 * `index: { name | keyPattern, expireAfterSeconds }` it changes a TTL index's expiry without rebuilding it.
 * Other collection options (validators, views, capped sizes, ...) are refused, as `create` refuses them.
 */
const collMod: CommandHandler = (request, { catalog }) => {
  const collection = catalog.collection(request.db, request.collectionName);
  if (!collection) throw new CommandError(26, `ns does not exist: ${request.ns}`);
  for (const field of Object.keys(request.body)) {
    if (field === request.name || field === 'index' || GENERIC_FIELDS.has(field)) continue;
    throw new CommandError(115, `embedded-mongo does not support the collMod option '${field}'`);
  }
  const change = request.body['index'];
  if (change === undefined) return { ok: 1 };
  if (!isPlainObject(change)) {
    throw new CommandError(14, `BSON field 'collMod.index' is the wrong type '${describeType(change)}', expected type 'object'`);
  }
  assertIndexChangeFields(change);
  const seconds = requestedSeconds(change['expireAfterSeconds']);
  return { ...setExpiry(collection, targetIndex(collection, change), seconds), ok: 1 };
};

function assertIndexChangeFields(change: BsonDoc): void {
  for (const field of Object.keys(change)) {
    if (UNSUPPORTED_INDEX_CHANGES.has(field)) {
      throw new CommandError(115, `embedded-mongo's collMod changes only an index's expireAfterSeconds, not '${field}'`);
    }
    if (field !== 'name' && field !== 'keyPattern' && field !== 'expireAfterSeconds') {
      throw new CommandError(40415, `BSON field 'collMod.index.${field}' is an unknown field.`);
    }
  }
  if (change['name'] !== undefined && change['keyPattern'] !== undefined) {
    throw new CommandError(72, 'Cannot specify both key pattern and name.');
  }
  if (change['name'] === undefined && change['keyPattern'] === undefined) {
    throw new CommandError(72, 'Must specify either index name or key pattern.');
  }
}

/** mongod's checks on a new expireAfterSeconds; a fraction is dropped, as mongod stores it as a long. */
function requestedSeconds(value: unknown): number {
  if (value === undefined) throw new CommandError(72, 'no expireAfterSeconds or hidden field');
  if (typeof value !== 'number') throw new CommandError(72, 'expireAfterSeconds field must be a number');
  if (Number.isNaN(value)) throw new CommandError(72, "TTL index 'expireAfterSeconds' option must not be NaN");
  if (value < 0) throw new CommandError(72, "TTL index 'expireAfterSeconds' option cannot be less than 0");
  if (value > MAX_EXPIRE_AFTER_SECONDS) {
    throw new CommandError(72, "TTL index 'expireAfterSeconds' option must be within an acceptable range, try a lower number");
  }
  return Math.trunc(value);
}

/** The index named by `name`, or the one index with key `keyPattern`. */
function targetIndex(collection: Collection, change: BsonDoc): IndexDefinition {
  const indexes = collection.indexList();
  const name = change['name'];
  if (name !== undefined) {
    if (typeof name !== 'string') throw new CommandError(72, 'Index name must be a string.');
    const found = indexes.find((index) => index.name === name);
    if (!found) throw new CommandError(27, `cannot find index ${name} for ns ${collection.ns}`);
    return found;
  }
  const keyPattern = change['keyPattern'];
  if (!isPlainObject(keyPattern)) throw new CommandError(72, 'Key pattern must be an object.');
  const wanted = encodeKey(keyPattern);
  // Two indexes can share a key when their partial filters differ.
  const matches = indexes.filter((index) => encodeKey(toPlain(index.spec['key'])) === wanted);
  const [found, other] = matches;
  if (!found) throw new CommandError(27, `cannot find index ${formatShell(keyPattern)} for ns ${collection.ns}`);
  if (other) {
    throw new CommandError(238, `index keyPattern ${formatShell(keyPattern)} matches ${matches.length} indexes, must use index name. ` +
      `Conflicting indexes: ${formatShell(toPlain(found.spec))}, ${formatShell(toPlain(other.spec))}`);
  }
  return found;
}

/**
 * Sets the index's expiry and answers as mongod 5.1+ does: `expireAfterSeconds_old` (0 when the old value was
 * unusable; absent when a plain single-field index just became a TTL index) and `expireAfterSeconds_new`, both
 * longs. An unchanged value writes nothing.
 */
function setExpiry(collection: Collection, index: IndexDefinition, seconds: number): BsonDoc {
  if (index === ID_INDEX) throw new CommandError(72, "The field 'expireAfterSeconds' is not valid for an _id index specification.");
  const previous = index.spec['expireAfterSeconds'];
  if (previous === undefined && index.fields.length !== 1) {
    throw new CommandError(72, 'TTL indexes are single-field indexes, compound indexes do not support TTL.');
  }
  if (toPlain(previous) !== seconds) {
    // Stored as a long, as mongod stores it; listIndexes shows it as a number to a driver that promotes longs.
    collection.modifyIndex({ ...index, spec: { ...index.spec, expireAfterSeconds: Long.fromNumber(seconds) } });
  }
  const reply: BsonDoc = {};
  if (previous !== undefined) reply['expireAfterSeconds_old'] = Long.fromNumber(usableSeconds(previous));
  reply['expireAfterSeconds_new'] = Long.fromNumber(seconds);
  return reply;
}

function usableSeconds(value: unknown): number {
  const plain = toPlain(value);
  if (typeof plain !== 'number' || !Number.isFinite(plain) || plain < 0 || plain > MAX_EXPIRE_AFTER_SECONDS) return 0;
  return Math.trunc(plain);
}

export const COLL_MOD_COMMANDS: Record<string, CommandHandler> = { collMod };
