import type { Query } from 'mingo/query';
import type { BsonDoc } from '../bson/bson-values';
import { MISSING, valuesAtPath, type PathValues } from '../bson/document-paths';
import { CommandError } from './command-error';
import type { IndexDefinition } from './index-definition';
import { duplicateKeyError } from './duplicate-key-error';
import { compoundKeys, encodeCompoundKey, type IndexKey } from './index-keys';
import { mingoQuery } from './mingo-query';
import { shadowKeys, type ShadowKeys } from './shadow-keys';

/** What a look-up found: the `_id` key (StoredDoc.id) of the one document holding the key, if any. */
export interface KeyLookup {
  readonly owner: string | undefined;
}

/**
 * The key → owner map behind one unique index (other than `_id_`). It enforces uniqueness and answers
 * equality look-ups on the full key; non-unique indexes have no map (they are stored definitions only).
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();
  /** Per key, how many documents an equality on that key could match without being its owner (see shadowKeys). */
  private readonly shadows = new Map<string, number>();
  /** Documents with too many shadow keys to list: while there are any, no look-up can be trusted. */
  private unlisted = 0;
  /** False once a replay found duplicates: the map then misses documents, so look-ups must not rely on it. */
  private complete = true;
  private readonly partial?: Query;

  constructor(
    readonly definition: IndexDefinition,
    private readonly ns: string,
  ) {
    if (definition.partialFilter) this.partial = mingoQuery(definition.partialFilter);
  }

  /** The keys `doc` (plain) has in this index: none when sparse/partial excludes it, several when multikey. */
  keysOf(doc: BsonDoc): IndexKey[] {
    if (this.partial && !this.partial.test(doc)) return [];
    return this.indexedKeys(this.fieldValues(doc));
  }

  /** Throws the E11000 error if `doc` would share a key with a document other than `ownerId`. */
  check(doc: BsonDoc, ownerId: string): void {
    for (const key of this.keysOf(doc)) {
      const owner = this.owners.get(key.encoded);
      if (owner !== undefined && owner !== ownerId) {
        throw duplicateKeyError(this.ns, this.definition.name, this.definition.spec['key'] as BsonDoc, key.values);
      }
    }
  }

  add(doc: BsonDoc, ownerId: string): void {
    const { keys, shadows } = this.entriesOf(doc);
    for (const key of keys) this.owners.set(key.encoded, ownerId);
    if (shadows === 'any') this.unlisted += 1;
    else for (const key of shadows) this.shadows.set(key, (this.shadows.get(key) ?? 0) + 1);
  }

  /** Undoes `add` for the same document (the same plain value, so the same keys and shadow keys). */
  remove(doc: BsonDoc, ownerId: string): void {
    const { keys, shadows } = this.entriesOf(doc);
    for (const key of keys) {
      if (this.owners.get(key.encoded) === ownerId) this.owners.delete(key.encoded);
    }
    if (shadows === 'any') this.unlisted -= 1;
    else for (const key of shadows) this.forgetShadow(key);
  }

  /**
   * The one document an equality on every indexed field (values as the query gives them, in field order)
   * can match, or undefined when this index cannot tell and the caller must scan.
   */
  lookup(values: readonly unknown[]): KeyLookup | undefined {
    if (!this.complete || this.unlisted > 0) return undefined;
    const encoded = encodeCompoundKey(values);
    if (this.shadows.has(encoded)) return undefined;
    return { owner: this.owners.get(encoded) };
  }

  markIncomplete(): void {
    this.complete = false;
  }

  private entriesOf(doc: BsonDoc): { keys: IndexKey[]; shadows: ShadowKeys } {
    const perField = this.fieldValues(doc);
    const keys = this.partial && !this.partial.test(doc) ? [] : this.indexedKeys(perField);
    return { keys, shadows: shadowKeys(perField.map((field) => field.values), keys) };
  }

  private fieldValues(doc: BsonDoc): PathValues[] {
    return this.definition.fields.map((field) => valuesAtPath(doc, field));
  }

  private indexedKeys(perField: readonly PathValues[]): IndexKey[] {
    if (this.definition.sparse && perField.every((field) => field.values.every((v) => v === MISSING))) return [];
    const arrays = this.definition.fields.filter((_, i) => perField[i].multikey);
    if (arrays.length > 1) {
      throw new CommandError(171, `cannot index parallel arrays [${arrays[1]}] [${arrays[0]}]`);
    }
    return compoundKeys(perField.map((field) => field.values));
  }

  private forgetShadow(key: string): void {
    const count = (this.shadows.get(key) ?? 0) - 1;
    if (count > 0) this.shadows.set(key, count);
    else this.shadows.delete(key);
  }
}
