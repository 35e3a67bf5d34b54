/** One caller's part of a batch: what it asked for, and how to answer it. */
export interface Pending<Request, Result> {
  readonly request: Request;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: requests that arrive while one batch is on its way wait and go together in the next, so one
 * request alone waits for nothing extra and many at once share a round trip. `send` answers every request of
 * its batch (resolve or reject each); it must not throw.
 */
export class GroupCommit<Request, Result> {
  private waiting: Pending<Request, Result>[] = [];
  private sending = false;

  constructor(
    private readonly send: (batch: readonly Pending<Request, Result>[]) => Promise<void>,
    private readonly maxBatch: number,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.sending) void this.sendWaiting();
    });
  }

  private async sendWaiting(): Promise<void> {
    this.sending = true;
    try {
      while (this.waiting.length > 0) await this.send(this.waiting.splice(0, this.maxBatch));
    } finally {
      this.sending = false;
    }
  }
}
