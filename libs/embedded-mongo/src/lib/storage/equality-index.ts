import type { Query } from 'mingo/query';
import type { BsonDoc } from '../bson/bson-values';
import { MISSING, valuesAtPath } from '../bson/document-paths';
import type { IndexDefinition } from './index-definition';
import { compoundKeys, encodeCompoundKey, type IndexKey } from './index-keys';
import { mingoQuery } from './mingo-query';
import { shadowKeys, type ShadowKeys } from './shadow-keys';

/**
 * The key → documents map behind one non-unique index, for equality look-ups on its full key (what a
 * planner does with `{tenantId, fingerprint}` on a `{tenantId: 1, fingerprint: 1}` index). It enforces
 * nothing and never throws: a document it cannot list (parallel arrays, too many shadow keys) only turns
 * look-ups off, so the caller scans, exactly as without the index.
 */
export class EqualityIndex {
  /**
   * Key → the ids listed under it: the id itself while there is one, a Set from the second on. Most keys of a
   * compound index that ends in a date or `_id` have a single document; a Set for each would cost about 130
   * bytes per key per index, several times the id string it holds (which is shared with the StoredDoc).
   */
  private readonly owners = new Map<string, string | Set<string>>();
  /** Per key, how many documents an equality on that key could match without being listed under it (see shadowKeys). */
  private readonly shadows = new Map<string, number>();
  /** Documents with keys too many or too odd to list: while there are any, no look-up can be trusted. */
  private unlisted = 0;
  private readonly partial?: Query;
  /**
   * The fields a look-up must pin. A trailing `_id` is left out: it makes every key unique, so pinning it
   * would only ever come through the `_id` look-up, while `{tenantId, fingerprint, _id}` exists so that the
   * first two find the documents and the index orders them by id (MongoDB reads a sorted, limited range of
   * it). Sparse and partial indexes keep their whole key: which documents they hold depends on every field.
   */
  readonly keyFields: readonly string[];
  /** The documents under one key are in id order in a real index: its key ends in the `_id` left out of keyFields. */
  readonly listsInIdOrder: boolean;

  constructor(readonly definition: IndexDefinition) {
    if (definition.partialFilter) this.partial = mingoQuery(definition.partialFilter);
    const { fields } = definition;
    this.listsInIdOrder = fields.length > 1 && fields[fields.length - 1] === '_id' && !definition.sparse && !definition.partialFilter;
    this.keyFields = this.listsInIdOrder ? fields.slice(0, -1) : fields;
  }

  add(doc: BsonDoc, ownerId: string): void {
    const entries = this.entriesOf(doc);
    if (entries === 'unlisted') return void (this.unlisted += 1);
    for (const key of entries.keys) {
      const owners = this.owners.get(key.encoded);
      if (owners === undefined) this.owners.set(key.encoded, ownerId);
      else if (typeof owners !== 'string') owners.add(ownerId);
      else if (owners !== ownerId) this.owners.set(key.encoded, new Set([owners, ownerId]));
    }
    for (const key of entries.shadows) this.shadows.set(key, (this.shadows.get(key) ?? 0) + 1);
  }

  /** Undoes `add` for the same document (the same plain value, so the same keys and shadow keys). */
  remove(doc: BsonDoc, ownerId: string): void {
    const entries = this.entriesOf(doc);
    if (entries === 'unlisted') return void (this.unlisted -= 1);
    for (const key of entries.keys) {
      const owners = this.owners.get(key.encoded);
      if (owners === ownerId) this.owners.delete(key.encoded);
      else if (typeof owners === 'object' && owners.delete(ownerId) && owners.size === 1) {
        this.owners.set(key.encoded, owners.values().next().value as string);
      }
    }
    for (const key of entries.shadows) {
      const count = (this.shadows.get(key) ?? 0) - 1;
      if (count > 0) this.shadows.set(key, count);
      else this.shadows.delete(key);
    }
  }

  /**
   * The documents an equality on every key field (values as the query gives them, in field order) can
   * match, or undefined when this index cannot tell and the caller must scan.
   */
  lookup(values: readonly unknown[]): readonly string[] | undefined {
    if (this.unlisted > 0) return undefined;
    const encoded = encodeCompoundKey(values);
    if (this.shadows.has(encoded)) return undefined;
    const owners = this.owners.get(encoded);
    return owners === undefined ? [] : typeof owners === 'string' ? [owners] : [...owners];
  }

  private entriesOf(doc: BsonDoc): { keys: IndexKey[]; shadows: readonly string[] } | 'unlisted' {
    const perField = this.keyFields.map((field) => valuesAtPath(doc, field));
    // mongod refuses parallel arrays in a compound index; here the document is simply not listed.
    if (perField.filter((field) => field.multikey).length > 1) return 'unlisted';
    const excluded =
      (this.partial !== undefined && !this.partial.test(doc)) ||
      (this.definition.sparse && perField.every((field) => field.values.every((value) => value === MISSING)));
    const keys = excluded ? [] : compoundKeys(perField.map((field) => field.values));
    const shadows: ShadowKeys = shadowKeys(perField.map((field) => field.values), keys);
    return shadows === 'any' ? 'unlisted' : { keys, shadows };
  }
}
