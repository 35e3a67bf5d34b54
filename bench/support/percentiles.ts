/** Nearest-rank percentile of an ascending list of latencies in ms. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank] as number;
}

export interface LoadFigures {
  readonly label: string;
  readonly concurrency: number;
  readonly completed: number;
  readonly failed: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export function formatFigures(figures: LoadFigures): string {
  return `${figures.label.padEnd(34)} c=${String(figures.concurrency).padStart(3)}  ${figures.perSecond.toFixed(1).padStart(8)}/s  ` +
    `p50 ${figures.p50Ms.toFixed(1).padStart(7)} ms  p99 ${figures.p99Ms.toFixed(1).padStart(7)} ms  ` +
    `(${figures.completed} ok, ${figures.failed} failed in ${figures.seconds.toFixed(1)} s)`;
}
