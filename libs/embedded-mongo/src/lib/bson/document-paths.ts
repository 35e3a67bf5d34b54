import { isPlainObject, setOwn, type BsonDoc } from './bson-values';

/** Stands for "this path does not exist in the document" (as opposed to an explicit null). */
export const MISSING: unique symbol = Symbol('missing');

export interface PathValues {
  /** One entry per index key the path yields; arrays contribute one entry per element. */
  readonly values: unknown[];
  /** True when an array was crossed: the path is multikey for this document. */
  readonly multikey: boolean;
}

/**
 * The values an index on `path` would hold for `doc`, MongoDB-style: arrays along the path fan out, an empty
 * array at the end is the key `undefined`, and an absent field is MISSING. Simplification: a numeric path part
 * on an array addresses that element only (MongoDB also tries it as a field name of each element).
 */
export function valuesAtPath(doc: unknown, path: string): PathValues {
  const parts = path.split('.');
  const values: unknown[] = [];
  let multikey = false;
  const walk = (value: unknown, depth: number): void => {
    if (depth === parts.length) {
      if (!Array.isArray(value)) {
        values.push(value);
      } else {
        multikey = true;
        if (value.length === 0) values.push(undefined);
        else values.push(...value);
      }
      return;
    }
    const part = parts[depth];
    if (Array.isArray(value)) {
      multikey = true;
      if (/^\d+$/.test(part) && Number(part) < value.length) return walk(value[Number(part)], depth + 1);
      const before = values.length;
      for (const element of value) {
        if (isPlainObject(element) && Object.prototype.hasOwnProperty.call(element, part)) walk(element[part], depth + 1);
      }
      if (values.length === before) values.push(MISSING);
      return;
    }
    if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, part)) return walk(value[part], depth + 1);
    values.push(MISSING);
  };
  walk(doc, 0);
  return { values, multikey };
}

/**
 * Returns a copy of `doc` with `value` at the dotted `path`, copying only the objects along the path.
 * Paths through arrays or non-objects are left alone (returns `doc` unchanged): callers use this for hints.
 */
export function withValueAtPath(doc: BsonDoc, path: string, value: unknown): BsonDoc {
  const [head, ...rest] = path.split('.');
  const copy: BsonDoc = { ...doc };
  if (rest.length === 0) {
    setOwn(copy, head, value);
    return copy;
  }
  const child = Object.prototype.hasOwnProperty.call(doc, head) ? doc[head] : {};
  if (!isPlainObject(child)) return doc;
  setOwn(copy, head, withValueAtPath(child, rest.join('.'), value));
  return copy;
}
