/**
 * Deeper than any contract nests (a rewrap request is three levels: request, envelope, field), with room for
 * producers' future optional fields.
 */
export const MAX_PAYLOAD_DEPTH = 16;

/**
 * Whether objects and arrays in `value` nest more than `maxDepth` levels. Walked with an explicit stack: a
 * caller can fit some 170,000 levels in one NATS message, and class-transformer copies unknown fields
 * recursively, so such a payload would overflow the call stack instead of being refused.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ readonly node: unknown; readonly depth: number }> = [{ node: value, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item.node !== 'object' || item.node === null) continue;
    if (item.depth >= maxDepth) return true;
    for (const child of Object.values(item.node)) pending.push({ node: child, depth: item.depth + 1 });
  }
  return false;
}
