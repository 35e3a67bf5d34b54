import type { MemorySample, WatchedProcess } from './process-memory';

/** Every watched process's memory at one moment of the run. */
export interface Checkpoint {
  readonly label: string;
  /** Imports answered when it was taken. */
  readonly imports: number;
  /** In the order of the watched processes. */
  readonly samples: readonly MemorySample[];
}

const mib = (value: number | undefined, width = 9) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(1)).padStart(width);

/** One block per process, one row per checkpoint. */
export function formatCheckpoints(processes: readonly WatchedProcess[], checkpoints: readonly Checkpoint[]): string {
  const lines = [
    'Per checkpoint (MiB). RSS: the whole process (all threads, native memory), /proc/<pid>/status VmRSS.',
    'heap used / heap total / external: main thread V8 heap in use, V8 heap reserved, Buffers and ArrayBuffers,',
    "from the service's /metrics (parser worker threads' heaps are in RSS only; the embedded server has no /metrics).",
    `${'process'.padEnd(9)} ${'checkpoint'.padEnd(36)} ${'RSS'.padStart(9)} ${'heap used'.padStart(9)} ${'heap total'.padStart(10)} ${'external'.padStart(9)}`,
  ];
  processes.forEach((process, i) => {
    for (const checkpoint of checkpoints) {
      const sample = checkpoint.samples[i];
      lines.push(
        `${process.name.padEnd(9)} ${checkpoint.label.padEnd(36)} ${mib(sample?.rss)} ${mib(sample?.heapUsed)} ${mib(sample?.heapTotal, 10)} ${mib(sample?.external)}`,
      );
    }
  });
  return lines.join('\n');
}

/**
 * RSS growth split at the warm-up checkpoint (the first one under load): before it, mostly one-time costs;
 * after it, divided by the imports done since, what each further 10,000 imports cost.
 */
export function formatGrowth(processes: readonly WatchedProcess[], checkpoints: readonly Checkpoint[]): string {
  const start = checkpoints[0];
  const warm = checkpoints[1];
  const end = checkpoints[checkpoints.length - 1];
  if (!start || !warm || !end || warm === end) return '';
  const after = end.imports - warm.imports;
  const lines = [
    `RSS growth (MiB)  start→warm-up (${warm.imports} imports)  warm-up→end (${after} more imports)  per 10000 imports after warm-up`,
  ];
  processes.forEach((process, i) => {
    const [s, w, e] = [start.samples[i]?.rss ?? Number.NaN, warm.samples[i]?.rss ?? Number.NaN, end.samples[i]?.rss ?? Number.NaN];
    lines.push(`${process.name.padEnd(17)} ${mib(w - s, 28)} ${mib(e - w, 33)} ${mib(after > 0 ? ((e - w) * 10_000) / after : Number.NaN, 32)}`);
  });
  return lines.join('\n');
}
