/** Caps how many messages one consumer instance handles at once. */
export class Semaphore {
  private available: number;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly capacity: number) {
    this.available = capacity;
  }

  async acquire(): Promise<void> {
    if (this.available > 0) {
      this.available -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.available = Math.min(this.available + 1, this.capacity);
  }

  /** Resolves once every acquired slot has been released. */
  async idle(pollMs = 10): Promise<void> {
    while (this.available < this.capacity || this.waiters.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
