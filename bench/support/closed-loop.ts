import { percentile, type LoadFigures } from './percentiles';

export interface ClosedLoopOptions {
  readonly label: string;
  readonly concurrency: number;
  readonly seconds: number;
  /** Stop after this many operations were started instead of after `seconds`. */
  readonly total?: number;
  /** One operation; resolves true on success. `sequence` is unique across all workers. */
  readonly operation: (sequence: number) => Promise<boolean>;
}

/**
 * `concurrency` workers each run the operation back to back for `seconds` (a closed loop, like autocannon's
 * connections): throughput and latency are measured at that fixed concurrency.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failed = 0;
  let sequence = 0;
  const started = performance.now();
  const deadline = options.total === undefined ? started + options.seconds * 1_000 : Number.POSITIVE_INFINITY;
  const total = options.total ?? Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (performance.now() < deadline && sequence < total) {
      const begin = performance.now();
      const ok = await options.operation((sequence += 1)).catch(() => false);
      if (ok) latencies.push(performance.now() - begin);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1_000;
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    concurrency: options.concurrency,
    completed: latencies.length,
    failed,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
