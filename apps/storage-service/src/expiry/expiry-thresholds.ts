export const DAY_MS = 86_400_000;

/** What one scan does for one certificate: the threshold to announce (if any) and the ones to record. */
export interface ExpiryDecision {
  readonly announce: number | null;
  readonly mark: readonly number[];
}

const NOTHING: ExpiryDecision = { announce: null, mark: [] };

/**
 * A certificate has crossed threshold T when notAfter <= now + T days. Only the smallest crossed threshold is
 * announced, and every crossed one is recorded: a certificate imported with 5 days left gets one "7 days"
 * event, not a burst of 30/14/7, and never a "30 days" one afterwards. Once the smallest crossed threshold
 * is recorded there is nothing left to say, even if larger ones are missing (a threshold added to the
 * configuration later): they are recorded silently so the scan does not pick the certificate up again.
 * Expired certificates are out of the watch.
 */
export function expiryDecision(
  thresholdsDays: readonly number[],
  notAfterMs: number,
  nowMs: number,
  notified: readonly number[],
): ExpiryDecision {
  if (notAfterMs <= nowMs) return NOTHING;
  const crossed = thresholdsDays.filter((days) => notAfterMs <= nowMs + days * DAY_MS).sort((a, b) => a - b);
  const smallest = crossed[0];
  if (smallest === undefined) return NOTHING;
  return {
    announce: notified.includes(smallest) ? null : smallest,
    mark: crossed.filter((days) => !notified.includes(days)),
  };
}

/** Whole days until notAfter, rounded down: 0 means less than a day is left. */
export function daysLeft(notAfterMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((notAfterMs - nowMs) / DAY_MS));
}

/**
 * When the watch must look at a certificate again, given the thresholds now recorded for it: the moment the
 * largest unrecorded threshold is crossed (the first of them to come), or null when every threshold is
 * recorded or the certificate has expired. After a scan has recorded what was crossed, this lies in the
 * future, so a certificate is read once per threshold instead of on every scan.
 */
export function nextCheckAt(thresholdsDays: readonly number[], notAfterMs: number, nowMs: number, notified: readonly number[]): number | null {
  if (notAfterMs <= nowMs) return null;
  const pending = thresholdsDays.filter((days) => !notified.includes(days));
  return pending.length === 0 ? null : notAfterMs - Math.max(...pending) * DAY_MS;
}
