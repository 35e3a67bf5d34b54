/**
 * Runs a job at start-up and then again after the delay each run returns, counted from the end of that run,
 * so a slow run is never overlapped by the next one in the same process. The job reports its own failures
 * and chooses its retry delay. The timer alone never keeps a process alive.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  /** `run` does one round and resolves with the delay before the next; it must not reject. */
  constructor(private readonly run: () => Promise<number>) {}

  start(): void {
    this.schedule(0);
  }

  /** No new round starts after this; a round in progress is waited for. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run()
        .then((next) => this.schedule(next))
        .finally(() => (this.running = null));
    }, delayMs);
    this.timer.unref();
  }
}
