import { isPlainObject, toPlain, type BsonDoc } from '../bson/bson-values';
import { encodeKey } from '../bson/key-encoding';
import { CommandError } from './command-error';

/** One index of a collection, as createIndexes described it. */
export interface IndexDefinition {
  readonly name: string;
  /** Field paths in key order. */
  readonly fields: readonly string[];
  readonly unique: boolean;
  readonly sparse: boolean;
  /** Plain (mingo-ready) partialFilterExpression. */
  readonly partialFilter?: BsonDoc;
  /** What listIndexes returns: the options as the client sent them, plus `v: 2`. */
  readonly spec: BsonDoc;
}

export const ID_INDEX: IndexDefinition = {
  name: '_id_',
  fields: ['_id'],
  unique: true,
  sparse: false,
  spec: { v: 2, key: { _id: 1 }, name: '_id_' },
};

/** Options we store; `hidden` is stored but has no effect here, `expireAfterSeconds` drives the TTL monitor. */
const ACCEPTED_OPTIONS = new Set([
  'key', 'name', 'unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'background', 'hidden', 'v', 'ns',
]);

export function parseIndexSpec(raw: unknown): IndexDefinition {
  if (!isPlainObject(raw)) throw new CommandError(14, 'Each index specification must be an object');
  const key = raw['key'];
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new CommandError(67, "Index keys cannot be empty. The 'key' field must be a non-empty object");
  }
  for (const [field, direction] of Object.entries(key)) {
    const plain = toPlain(direction);
    if (typeof plain !== 'number' || plain === 0 || Number.isNaN(plain)) {
      throw new CommandError(67, `embedded-mongo supports only ascending (1) and descending (-1) index keys; ` +
        `got ${JSON.stringify(String(plain))} for field '${field}'`);
    }
  }
  for (const option of Object.keys(raw)) {
    if (option === 'collation') throw new CommandError(115, 'embedded-mongo does not support collations');
    if (!ACCEPTED_OPTIONS.has(option)) {
      throw new CommandError(197, `The field '${option}' is not valid for an index specification (embedded-mongo)`);
    }
  }
  const name = raw['name'] === undefined ? defaultIndexName(key) : raw['name'];
  if (typeof name !== 'string' || name.length === 0) throw new CommandError(14, "The index name must be a non-empty string");
  const partial = raw['partialFilterExpression'];
  if (partial !== undefined && !isPlainObject(partial)) {
    throw new CommandError(67, "'partialFilterExpression' for an index must be a document");
  }
  const sparse = Boolean(toPlain(raw['sparse']));
  if (sparse && partial !== undefined) {
    throw new CommandError(67, 'cannot mix "partialFilterExpression" and "sparse" options');
  }
  const spec: BsonDoc = { v: 2, key, name };
  for (const [option, value] of Object.entries(raw)) {
    if (option !== 'v' && option !== 'ns' && option !== 'key' && option !== 'name') spec[option] = value;
  }
  return {
    name,
    fields: Object.keys(key),
    unique: Boolean(toPlain(raw['unique'])),
    sparse,
    partialFilter: partial === undefined ? undefined : (toPlain(partial) as BsonDoc),
    spec,
  };
}

/** mongod's default name: `field_direction` pairs joined by `_`, e.g. `tenantId_1_name_-1`. */
export function defaultIndexName(key: BsonDoc): string {
  return Object.entries(key).map(([field, direction]) => `${field}_${String(toPlain(direction))}`).join('_');
}

export function sameKeyPattern(a: IndexDefinition, b: IndexDefinition): boolean {
  return encodeKey(toPlain(a.spec['key'])) === encodeKey(toPlain(b.spec['key']));
}

/** Options that change what the index means; `background`/`hidden` do not count, as in mongod. */
export function sameIndexOptions(a: IndexDefinition, b: IndexDefinition): boolean {
  const meaning = (d: IndexDefinition) =>
    encodeKey([d.unique, d.sparse, d.partialFilter ?? null, toPlain(d.spec['expireAfterSeconds']) ?? null]);
  return meaning(a) === meaning(b);
}
