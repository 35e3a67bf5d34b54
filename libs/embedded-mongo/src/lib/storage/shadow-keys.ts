import { combinationCount, compoundKeys, type IndexKey } from './index-keys';

/** Beyond this many combinations a document is counted as matching any key (look-ups then scan). */
const MAX_SHADOW_COMBINATIONS = 1024;

/** A document's shadow keys: their encodings, or 'any' when there would be too many to list. */
export type ShadowKeys = readonly string[] | 'any';

/**
 * Keys under which an equality query (evaluated by mingo) could match a document although the index does
 * not list the document under that key:
 * - a document a partial filter (or sparse) leaves out of the index matches under all its keys;
 * - mingo looks inside nested arrays (`{ 'a.b': 1 }` matches `{ a: { b: [[1]] } }`) where the index holds the
 *   whole inner array as one key, so the inner elements count too (for every path, to stay on the safe side).
 * `perField` is what `valuesAtPath` gave for each indexed field; `indexed` the keys the index holds for it.
 */
export function shadowKeys(perField: readonly (readonly unknown[])[], indexed: readonly IndexKey[]): ShadowKeys {
  const excluded = indexed.length === 0;
  const nested = perField.some((values) => values.some(Array.isArray));
  // The common case: the document is indexed under exactly the keys an equality can match it by.
  if (!excluded && !nested) return [];
  const loose = perField.map((values) => values.flatMap(withInnerElements));
  if (combinationCount(loose) > MAX_SHADOW_COMBINATIONS) return 'any';
  const held = new Set(indexed.map((key) => key.encoded));
  return compoundKeys(loose).map((key) => key.encoded).filter((encoded) => !held.has(encoded));
}

function withInnerElements(value: unknown): unknown[] {
  return Array.isArray(value) ? [value, ...value.flatMap(withInnerElements)] : [value];
}
