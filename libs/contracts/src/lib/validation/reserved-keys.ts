/**
 * Keys that name parts of JavaScript's object model. class-transformer reads `value.constructor` while it
 * copies a payload, so a producer's `{"labels": {"constructor": "x"}}` made it throw instead of validate, and
 * `__proto__` can change what a copied object inherits. No contract field uses them, so they are refused.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first reserved key anywhere in `value` (walked with an explicit stack), or null. */
export function findReservedKey(value: unknown): string | null {
  const pending: unknown[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      if (RESERVED_KEYS.has(key)) return key;
      pending.push((node as Record<string, unknown>)[key]);
    }
  }
  return null;
}
