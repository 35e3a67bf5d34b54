import { MISSING } from '../bson/document-paths';
import { encodeKey } from '../bson/key-encoding';

/** One key a document contributes to an index: its encoding and the field values (for error messages). */
export interface IndexKey {
  readonly encoded: string;
  readonly values: readonly unknown[];
}

/**
 * The one spelling of a compound key, shared by uniqueness checks and look-ups: if the two ever differed, a
 * look-up could miss a document the index holds.
 */
export function encodeCompoundKey(values: readonly unknown[]): string {
  return values.map(encodeKey).join('|');
}

/** Every combination of one value per field (MISSING counts as null), without repeats. */
export function compoundKeys(perField: readonly (readonly unknown[])[]): IndexKey[] {
  let combos: unknown[][] = [[]];
  for (const values of perField) {
    combos = combos.flatMap((prefix) => values.map((v) => [...prefix, v === MISSING ? null : v]));
  }
  const unique = new Map<string, IndexKey>();
  for (const values of combos) {
    const encoded = encodeCompoundKey(values);
    unique.set(encoded, { encoded, values });
  }
  return [...unique.values()];
}

/** How many keys `compoundKeys` would build (before removing repeats), to refuse a combinatorial blow-up. */
export function combinationCount(perField: readonly (readonly unknown[])[]): number {
  return perField.reduce((count, values) => count * values.length, 1);
}
