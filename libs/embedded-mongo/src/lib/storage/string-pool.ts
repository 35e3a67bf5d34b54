/**
 * Stored documents repeat short values: the tenant id, the operation, algorithm names and OIDs, the issuer's
 * name, validity dates as text. BSON decoding makes a new string for each, so every stored certificate held its
 * own copies: about 0.5 KB of a certificate's 10 KB in a heap snapshot after 5,000 bench imports. Stored views
 * take the pool's copy instead.
 *
 * Values that never repeat (request ids, names) pass through too, so the pool is bounded: when full it starts
 * over, and the values that do repeat are back in it with the next document that carries them.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(
    /** Longer strings (certificates, sealed keys) are each a document's own: looking them up would only cost. */
    readonly maxLength: number,
    readonly capacity: number,
  ) {}

  get size(): number {
    return this.strings.size;
  }

  /** An equal string, the same one for every caller while the pool holds it. */
  share(value: string): string {
    if (value.length > this.maxLength) return value;
    const pooled = this.strings.get(value);
    if (pooled !== undefined) return pooled;
    if (this.strings.size >= this.capacity) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }
}
