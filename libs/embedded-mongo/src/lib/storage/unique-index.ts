import { Query } from 'mingo';
import type { BsonDoc } from '../bson/bson-values';
import { MISSING, valuesAtPath } from '../bson/document-paths';
import { encodeKey } from '../bson/key-encoding';
import { CommandError } from './command-error';
import type { IndexDefinition } from './index-definition';
import { duplicateKeyError } from './duplicate-key-error';
import { MINGO_OPTIONS } from './mingo-options';

/** One key a document contributes to an index: its encoding and the field values (for error messages). */
interface IndexKey {
  readonly encoded: string;
  readonly values: readonly unknown[];
}

/**
 * The key → owner map behind one unique index (other than `_id_`). Only unique indexes need one: there is
 * no query planner, so non-unique indexes are just stored definitions.
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();
  private readonly partial?: Query;

  constructor(
    readonly definition: IndexDefinition,
    private readonly ns: string,
  ) {
    if (definition.partialFilter) this.partial = new Query(definition.partialFilter, MINGO_OPTIONS);
  }

  /** The keys `doc` (plain) has in this index: none when sparse/partial excludes it, several when multikey. */
  keysOf(doc: BsonDoc): IndexKey[] {
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.definition.fields.map((field) => valuesAtPath(doc, field));
    if (this.definition.sparse && perField.every((field) => field.values.every((v) => v === MISSING))) return [];
    const arrays = this.definition.fields.filter((_, i) => perField[i].multikey);
    if (arrays.length > 1) {
      throw new CommandError(171, `cannot index parallel arrays [${arrays[1]}] [${arrays[0]}]`);
    }
    let combos: unknown[][] = [[]];
    for (const field of perField) {
      combos = combos.flatMap((prefix) => field.values.map((v) => [...prefix, v === MISSING ? null : v]));
    }
    const unique = new Map<string, IndexKey>();
    for (const values of combos) {
      const encoded = values.map(encodeKey).join('|');
      unique.set(encoded, { encoded, values });
    }
    return [...unique.values()];
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
    for (const key of this.keysOf(doc)) this.owners.set(key.encoded, ownerId);
  }

  remove(doc: BsonDoc, ownerId: string): void {
    for (const key of this.keysOf(doc)) {
      if (this.owners.get(key.encoded) === ownerId) this.owners.delete(key.encoded);
    }
  }
}
