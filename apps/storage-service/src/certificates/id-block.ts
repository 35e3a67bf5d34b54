/**
 * A run of ids reserved with one atomic `$inc` of the counter by its size. Ids are handed out from memory
 * until it is used up; one refill serves every caller waiting for it. Ids left in a block when the process
 * stops are never used: ids have gaps, and never repeat, also across instances.
 */
export class IdBlock {
  private next = 1;
  private end = 0;
  private refill: Promise<void> | null = null;

  constructor(
    private readonly size: number,
    /** Advances the counter by `by` and returns its new value: the last id of the reserved run. */
    private readonly reserve: (by: number) => Promise<number>,
  ) {}

  async take(): Promise<number> {
    while (this.next > this.end) {
      this.refill ??= this.reserveRun().finally(() => (this.refill = null));
      await this.refill;
    }
    const id = this.next;
    this.next += 1;
    return id;
  }

  private async reserveRun(): Promise<void> {
    const last = await this.reserve(this.size);
    this.next = last - this.size + 1;
    this.end = last;
  }
}
