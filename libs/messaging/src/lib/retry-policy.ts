export const RETRY_BASE_MS = 250;
export const RETRY_MAX_MS = 15_000;

/** Exponential back-off for the n-th delivery (1-based), capped so an outage recovers within seconds. */
export function retryDelayMs(deliveryCount: number): number {
  const exponent = Math.max(0, Math.min(deliveryCount - 1, 16));
  return Math.min(RETRY_BASE_MS * 2 ** exponent, RETRY_MAX_MS);
}

export type FailureDisposition = 'retry' | 'dead-letter';

/** What to do with a message whose handler failed on its n-th delivery. */
export function dispositionOf(failure: { transient: boolean; deliveryCount: number; maxDeliver: number }): FailureDisposition {
  if (failure.transient) return 'retry';
  return failure.deliveryCount >= failure.maxDeliver ? 'dead-letter' : 'retry';
}
