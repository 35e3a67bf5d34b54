import type { Durability } from '../persistence/durability';
import type { Catalog } from './catalog';
import { expiredDocuments, ttlSecondsOf } from './ttl-expiry';

/** mongod's ttlMonitorSleepSecs: 60. */
export const DEFAULT_TTL_MONITOR_INTERVAL_MS = 60_000;
/** setInterval's ceiling: a longer delay would silently become 1 ms. */
const MAX_INTERVAL_MS = 2 ** 31 - 1;

/** The interval to use, or a RangeError for one setInterval cannot honour. */
export function ttlMonitorInterval(requested: number | undefined): number {
  const interval = requested ?? DEFAULT_TTL_MONITOR_INTERVAL_MS;
  if (!Number.isFinite(interval) || interval <= 0 || interval > MAX_INTERVAL_MS) {
    throw new RangeError(`embedded-mongo: ttlMonitorIntervalMs must be a number of milliseconds in (0, ${MAX_INTERVAL_MS}], got ${interval}`);
  }
  return interval;
}

/**
 * mongod's TTL monitor: every interval, removes the documents each TTL index has expired (see ttl-expiry).
 * Removal is `Collection.remove`, the delete command's own path, so the journal records it and every index
 * stays consistent. A pass runs synchronously, between two commands, like any command.
 */
export class TtlMonitor {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly catalog: Catalog,
    private readonly durability: Durability,
    intervalMs: number,
    private readonly log: (line: string) => void,
  ) {
    this.timer = setInterval(() => this.pass(Date.now()), intervalMs);
    // Expiry is housekeeping: it must not keep a process alive that would otherwise exit.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * One pass at `now` (ms); returns how many documents it removed. Never throws: a timer callback that threw
   * would take the whole process down, so a failure is reported and the next pass tries again.
   */
  pass(now: number): number {
    try {
      // A failed journal refuses writes; expiring in memory only would resurrect the documents on restart.
      this.durability.assertWritable();
    } catch (error) {
      this.report(`embedded-mongo: TTL monitor skipped a pass: ${describe(error)}`);
      return 0;
    }
    let removed = 0;
    for (const db of this.catalog.databaseNames()) {
      for (const collection of this.catalog.collections(db)) {
        for (const index of collection.indexList()) {
          const seconds = ttlSecondsOf(index);
          if (seconds === undefined) continue;
          try {
            // Collected first, then removed: expiredDocuments may walk the date order that removal edits.
            for (const doc of expiredDocuments(collection, index, seconds, now)) {
              collection.remove(doc);
              removed += 1;
            }
          } catch (error) {
            this.report(`embedded-mongo: TTL monitor failed on ${collection.ns} index ${index.name}: ${describe(error)}`);
          }
        }
      }
    }
    return removed;
  }

  /** The caller's log may itself throw; that must not escape the timer either. */
  private report(line: string): void {
    try {
      this.log(line);
    } catch {
      // Nowhere left to report to.
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
