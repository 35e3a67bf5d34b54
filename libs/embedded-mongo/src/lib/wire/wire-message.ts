import { deserialize, serialize } from 'bson';
import { setOwn, TYPED_DECODING, type BsonDoc } from '../bson/bson-values';
import { WireError } from './frame-reader';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
/** Bits 0-15 are "required": a receiver must reject a message with one it does not know. */
const KNOWN_REQUIRED_FLAGS = CHECKSUM_PRESENT | MORE_TO_COME;

export interface WireRequest {
  readonly requestId: number;
  readonly opCode: typeof OP_MSG | typeof OP_QUERY;
  /** The command document, with OP_MSG document sequences (kind 1) merged in as arrays. */
  readonly body: BsonDoc;
  /** OP_MSG moreToCome: the client expects no reply (unacknowledged write). */
  readonly moreToCome: boolean;
}

export function parseMessage(frame: Buffer): WireRequest {
  const requestId = frame.readInt32LE(4);
  const opCode = frame.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(frame, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(frame, requestId);
  throw new WireError(`unsupported opCode ${opCode}${opCode === 2012 ? ' (compression was not negotiated)' : ''}`);
}

function parseOpMsg(frame: Buffer, requestId: number): WireRequest {
  if (frame.length < 21) throw new WireError('OP_MSG too short');
  const flags = frame.readUInt32LE(16);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_FLAGS) !== 0) throw new WireError(`unknown required OP_MSG flags ${flags}`);
  // The CRC-32C checksum, when present, is skipped rather than verified: TCP already guards the bytes.
  const end = frame.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
  let body: BsonDoc | undefined;
  const sequences: Array<[string, BsonDoc[]]> = [];
  let offset = 20;
  while (offset < end) {
    const kind = frame[offset];
    offset += 1;
    if (kind === 0) {
      if (body) throw new WireError('OP_MSG with two body sections');
      const size = documentSize(frame, offset, end);
      body = deserialize(frame.subarray(offset, offset + size), TYPED_DECODING);
      offset += size;
    } else if (kind === 1) {
      const size = documentSize(frame, offset, end);
      const sectionEnd = offset + size;
      const nameEnd = frame.indexOf(0, offset + 4);
      if (nameEnd < 0 || nameEnd >= sectionEnd) throw new WireError('bad document sequence identifier');
      const identifier = frame.toString('utf8', offset + 4, nameEnd);
      const docs: BsonDoc[] = [];
      for (let at = nameEnd + 1; at < sectionEnd; ) {
        const docSize = documentSize(frame, at, sectionEnd);
        docs.push(deserialize(frame.subarray(at, at + docSize), TYPED_DECODING));
        at += docSize;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new WireError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new WireError('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) {
    if (identifier in body) throw new WireError(`document sequence ${identifier} duplicates a body field`);
    setOwn(body, identifier, docs);
  }
  return { requestId, opCode: OP_MSG, body, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

/** Legacy OP_QUERY: accepted only so old-style handshakes (`isMaster` on `admin.$cmd`) work. */
function parseOpQuery(frame: Buffer, requestId: number): WireRequest {
  const nameEnd = frame.indexOf(0, 20);
  if (nameEnd < 0) throw new WireError('OP_QUERY without a namespace');
  const namespace = frame.toString('utf8', 20, nameEnd);
  const offset = nameEnd + 1 + 8;
  const size = documentSize(frame, offset, frame.length);
  let query: BsonDoc = deserialize(frame.subarray(offset, offset + size), TYPED_DECODING);
  const wrapped = query['$query'];
  if (wrapped !== null && typeof wrapped === 'object' && !Array.isArray(wrapped)) query = wrapped as BsonDoc;
  const db = namespace.endsWith('.$cmd') ? namespace.slice(0, -'.$cmd'.length) : namespace;
  return { requestId, opCode: OP_QUERY, body: { ...query, $db: db }, moreToCome: false };
}

function documentSize(frame: Buffer, offset: number, limit: number): number {
  if (offset + 4 > limit) throw new WireError('truncated BSON document');
  const size = frame.readInt32LE(offset);
  if (size < 5 || offset + size > limit) throw new WireError(`invalid BSON document size ${size}`);
  return size;
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const out = Buffer.alloc(16);
  out.writeInt32LE(length, 0);
  out.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(opCode, 12);
  return out;
}

export function encodeOpMsgReply(responseTo: number, reply: BsonDoc): Buffer {
  const body = serialize(reply);
  const prefix = Buffer.alloc(5); // flagBits 0, section kind 0
  return Buffer.concat([header(16 + 5 + body.length, responseTo, OP_MSG), prefix, body]);
}

export function encodeOpReply(responseTo: number, reply: BsonDoc): Buffer {
  const body = serialize(reply);
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom
  fields.writeInt32LE(1, 16); // numberReturned
  return Buffer.concat([header(16 + 20 + body.length, responseTo, OP_REPLY), fields, body]);
}
