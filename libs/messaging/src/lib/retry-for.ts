import type { LoggerService } from '@nestjs/common';
import { describeError } from './describe-error';

/**
 * Runs `attempt` until it succeeds, waiting a little longer after each failure (250 ms up to 5 s), and throws
 * the last failure once `budgetMs` has passed: for start-up steps that wait out a peer still starting.
 */
export async function retryFor<T>(budgetMs: number, logger: Pick<LoggerService, 'warn'>, what: string, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let failures = 0; ; failures += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      const delayMs = Math.min(5_000, 250 * 2 ** failures);
      logger.warn(`${what} failed (${describeError(error)}); trying again in ${delayMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
