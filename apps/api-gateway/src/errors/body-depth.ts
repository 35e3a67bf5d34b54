/** Deeper than any documented body needs (the deepest, Rainbond's and APIG's, are flat objects). */
export const MAX_BODY_DEPTH = 16;

/**
 * How deeply a parsed body nests, walked without recursion: a body of 50,000 nested arrays parses fine but
 * would overflow the stack of any recursive walker after it (class-transformer, validators), turning a
 * client's mistake into a 500. Stops counting once `limit` is passed.
 */
export function nestingDepthExceeds(value: unknown, limit: number = MAX_BODY_DEPTH): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
