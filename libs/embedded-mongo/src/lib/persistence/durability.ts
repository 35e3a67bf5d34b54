/** What the command layer needs from persistence: when an applied write is safe to acknowledge. */
export interface Durability {
  /** Grows by one per applied mutation. */
  readonly sequence: number;
  /** Resolves once every mutation up to `sequence` is on disk (fsynced when configured). */
  waitDurable(sequence: number): Promise<void>;
  /** Throws the reason writes are refused (a failed journal), if any. */
  assertWritable(): void;
  close(): Promise<void>;
}

/** No dataDir: nothing to wait for, nothing survives a stop. */
export const IN_MEMORY_ONLY: Durability = {
  sequence: 0,
  waitDurable: () => Promise.resolve(),
  assertWritable: () => undefined,
  close: () => Promise.resolve(),
};
