import { calculateObjectSize } from 'bson';
import { toPlainDoc, type BsonDoc } from '../bson/bson-values';
import { encodeKey } from '../bson/key-encoding';
import { CommandError } from './command-error';

/** A stored document: exactly as received (`typed`, what we send back) and as mingo sees it (`plain`). */
export interface StoredDoc {
  /** Primary key: encodeKey of `_id`, so 1, 1.0 and Long(1) are the same `_id`, as in MongoDB. */
  readonly id: string;
  readonly typed: BsonDoc;
  readonly plain: BsonDoc;
}

export function toStored(typed: BsonDoc): StoredDoc {
  const plain = toPlainDoc(typed);
  return { id: encodeKey(plain['_id']), typed, plain };
}

const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export function assertDocumentSize(typed: BsonDoc): void {
  const size = calculateObjectSize(typed);
  if (size > MAX_DOCUMENT_BYTES) {
    throw new CommandError(10334, `BSONObj size: ${size} (0x${size.toString(16)}) is invalid. Size must be between 0 and 16793600(16MB)`);
  }
}
