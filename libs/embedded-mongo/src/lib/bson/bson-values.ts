import { Double, Long } from 'bson';

/** A BSON document as decoded: values are unknown until narrowed. */
export type BsonDoc = Record<string, unknown>;

/**
 * How every BSON byte we receive (wire and disk) is decoded: numbers stay Int32/Double/Long wrappers and
 * binaries stay Binary with their subtype, so a stored document is written back exactly as it was sent.
 */
export const TYPED_DECODING = {
  promoteValues: false,
  promoteLongs: false,
  promoteBuffers: false,
  bsonRegExp: false,
} as const;

export function isPlainObject(value: unknown): value is BsonDoc {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The `_bsontype` tag of a bson class instance (ObjectId, Int32, Binary, ...), if it is one. */
export function bsonTypeOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/** Sets a key even when it is `__proto__`, which a plain assignment would turn into a prototype change. */
export function setOwn(target: BsonDoc, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * What every empty array and empty object of a plain view is: a certificate record has a dozen (no chain, no
 * tags, no organization in its names...), each 30-60 bytes when its own. Stored views are never changed in
 * place (updates work on clonePlain copies), and frozen, these would make any such change fail loudly.
 */
const EMPTY_ARRAY: readonly unknown[] = Object.freeze([]);
const EMPTY_OBJECT: BsonDoc = Object.freeze({});

/**
 * The "plain" view that queries and updates run on: mingo only understands JS numbers, so Int32/Double and
 * safe Longs become numbers. Containers are new objects; other leaves (ObjectId, Date, Binary) are shared.
 *
 * Objects are built with Object.fromEntries, not by assigning keys one by one: V8 turns an object that gets
 * more than about 16 properties through computed-key stores into a hash-table ("dictionary") object, about
 * three times the size of one built at once. Stored documents are plain views held for the server's lifetime
 * (a certificate record has some 25 top-level fields), so this is most of their overhead beyond their strings.
 */
export function toPlain(value: unknown, shareString: (value: string) => string = unshared): unknown {
  if (typeof value === 'string') return shareString(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.length === 0 ? EMPTY_ARRAY : value.map((child) => toPlain(child, shareString));
  switch (bsonTypeOf(value)) {
    case 'Int32':
    case 'Double':
      return (value as { value: number }).value;
    case 'Long': {
      const asNumber = (value as Long).toNumber();
      // Longs beyond 2^53 stay Long objects: exact, but only comparable for equality with other Longs.
      return Number.isSafeInteger(asNumber) ? asNumber : value;
    }
  }
  if (!isPlainObject(value)) return value;
  if (Object.keys(value).length === 0) return EMPTY_OBJECT;
  // Defines own properties, so a `__proto__` key stays a key (as setOwn does), never a prototype change.
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toPlain(child, shareString)]));
}

/** `shareString` may answer a string with an equal one to hold instead (a stored document's, StringPool). */
export function toPlainDoc(doc: BsonDoc, shareString?: (value: string) => string): BsonDoc {
  return toPlain(doc, shareString) as BsonDoc;
}

function unshared(value: string): string {
  return value;
}

/** Deep copy of the containers of a plain value, so mingo's in-place updates never touch stored documents. */
export function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (!isPlainObject(value)) return value;
  const out: BsonDoc = {};
  for (const [key, child] of Object.entries(value)) setOwn(out, key, clonePlain(child));
  return out as T;
}

/**
 * Turns a plain value back into one that serializes with the numeric types of `reference` (the document as it
 * was before an update): a Long stays a Long and a Double stays a Double even when it holds an integer.
 * Numbers with no typed counterpart serialize as the driver would: Int32 when they fit, else Double.
 */
export function retype(value: unknown, reference: unknown): unknown {
  if (typeof value === 'number') return numberLike(value, reference);
  if (Array.isArray(value)) {
    const refs: unknown[] = Array.isArray(reference) ? reference : [];
    return value.map((child, i) => retype(child, refs[i]));
  }
  if (!isPlainObject(value)) return value;
  const refs: BsonDoc = isPlainObject(reference) ? reference : {};
  const out: BsonDoc = {};
  for (const [key, child] of Object.entries(value)) {
    setOwn(out, key, retype(child, Object.prototype.hasOwnProperty.call(refs, key) ? refs[key] : undefined));
  }
  return out;
}

function numberLike(n: number, reference: unknown): unknown {
  const kind = bsonTypeOf(reference);
  if (kind === 'Long' && Number.isSafeInteger(n)) return Long.fromNumber(n);
  if (kind === 'Double' || kind === 'Long') return new Double(n);
  return n;
}

/** MongoDB always stores `_id` as the first field. */
export function withIdFirst(doc: BsonDoc): BsonDoc {
  const keys = Object.keys(doc);
  if (keys[0] === '_id' || !keys.includes('_id')) return doc;
  const out: BsonDoc = { _id: doc['_id'] };
  for (const key of keys) if (key !== '_id') setOwn(out, key, doc[key]);
  return out;
}
