import { calculateObjectSize } from 'bson';
import { bsonTypeOf, isPlainObject, toPlainDoc, type BsonDoc } from '../bson/bson-values';
import { encodeKey } from '../bson/key-encoding';
import { CommandError } from './command-error';
import { StringPool } from './string-pool';

/**
 * A stored document: exactly as received (`typed`, what we send back) and as mingo sees it (`plain`).
 * Both are immutable once stored (updates build new versions), so they may share parts, or be one object.
 */
export interface StoredDoc {
  /** Primary key: encodeKey of `_id`, so 1, 1.0 and Long(1) are the same `_id`, as in MongoDB. */
  readonly id: string;
  readonly typed: BsonDoc;
  readonly plain: BsonDoc;
}

/** One for the process: strings are immutable, so documents of any collection or server may share them. */
const SHORT_STRINGS = new StringPool(64, 4_096);
const shareShortString = (value: string) => SHORT_STRINGS.share(value);

export function toStored(typed: BsonDoc): StoredDoc {
  const plain = toPlainDoc(typed, shareShortString);
  // Most documents (every one the services write) hold no Double or Long: their plain view then serializes to
  // the same bytes (its numbers were Int32s or unwrapped numbers, which BSON writes back as Int32, or as Double
  // when not an int32) and gives `retype` the same answers as a reference. Keeping that one tree instead of two
  // halves what a document costs beyond its strings; the typed tree is only kept when it says more.
  return { id: encodeKey(plain['_id']), typed: holdsDoubleOrLong(typed) ? typed : plain, plain };
}

/** Whether a Double or Long wrapper occurs anywhere in the value: the types a plain view cannot tell apart. */
function holdsDoubleOrLong(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(holdsDoubleOrLong);
  const kind = bsonTypeOf(value);
  if (kind === 'Double' || kind === 'Long') return true;
  return isPlainObject(value) && Object.values(value).some(holdsDoubleOrLong);
}

const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export function assertDocumentSize(typed: BsonDoc): void {
  const size = calculateObjectSize(typed);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new CommandError(10334, `BSONObj size: ${size} (0x${size.toString(16)}) is invalid. Size must be between 0 and 16793600(16MB)`);
  }
}
