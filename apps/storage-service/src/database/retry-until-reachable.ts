import type { Logger } from '@nestjs/common';

/**
 * Runs `work` until it succeeds, waiting a little longer after each failure (at most 5 s). At start-up the
 * database may not be reachable yet; giving up instead would let the service consume without the indexes
 * its writes rely on.
 */
export async function retryUntilReachable(what: string, work: () => Promise<void>, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await work();
      return;
    } catch (error) {
      const delay = Math.min(500 * attempt, 5_000);
      logger.warn(`${what} failed (attempt ${attempt}), retrying in ${delay}ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
