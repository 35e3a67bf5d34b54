import { calculateObjectSize, deserialize, serialize, serializeWithBufferAndIndex } from 'bson';
import { TYPED_DECODING, type BsonDoc } from '../bson/bson-values';
import { crc32 } from './crc32';

/** Journal and snapshot records: [uint32 LE body length][uint32 LE crc32 of body][BSON body]. */
const HEADER_BYTES = 8;
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function encodeRecord(record: BsonDoc): Buffer {
  const body = serialize(record);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(body.length, 0);
  header.writeUInt32LE(crc32(body), 4);
  return Buffer.concat([header, body]);
}

/**
 * Encodes a record into `target` at `offset`, as encodeRecord would, and returns the offset after it; or
 * undefined, writing nothing, when it does not fit. Lets a snapshot reuse one buffer instead of allocating
 * two per document.
 */
export function encodeRecordInto(record: BsonDoc, target: Buffer, offset: number): number | undefined {
  const size = calculateObjectSize(record);
  if (offset + HEADER_BYTES + size > target.length) return undefined;
  serializeWithBufferAndIndex(record, target, { index: offset + HEADER_BYTES });
  const body = target.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + size);
  target.writeUInt32LE(size, offset);
  target.writeUInt32LE(crc32(body), offset + 4);
  return offset + HEADER_BYTES + size;
}

export interface DecodedRecords {
  readonly records: BsonDoc[];
  /** Bytes holding complete, intact records; anything after is a torn or corrupt tail. */
  readonly validLength: number;
}

/** Reads records up to the first incomplete or damaged one. */
export function decodeRecords(data: Buffer): DecodedRecords {
  const records: BsonDoc[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= data.length) {
    const length = data.readUInt32LE(offset);
    const end = offset + HEADER_BYTES + length;
    if (length < 5 || length > MAX_RECORD_BYTES || end > data.length) break;
    const body = data.subarray(offset + HEADER_BYTES, end);
    if (crc32(body) !== data.readUInt32LE(offset + 4)) break;
    try {
      records.push(deserialize(body, TYPED_DECODING));
    } catch {
      break;
    }
    offset = end;
  }
  return { records, validLength: offset };
}
