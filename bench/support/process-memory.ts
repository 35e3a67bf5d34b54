import { readFileSync } from 'node:fs';

/** One process whose memory the bench follows. */
export interface WatchedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Where its prom-client default metrics are scraped; absent for a process without /metrics. */
  readonly metricsUrl?: string;
}

/** What one process used at one moment, in MiB; NaN when not known. */
export interface MemorySample {
  /** Resident set size of the whole process (every thread, every native allocation), from /proc. */
  readonly rss: number;
  /** V8 heap in use on the main thread (`nodejs_heap_size_used_bytes`); worker threads' heaps are not in it. */
  readonly heapUsed: number;
  /** V8 heap reserved on the main thread (`nodejs_heap_size_total_bytes`): used plus what V8 keeps for reuse. */
  readonly heapTotal: number;
  /** Memory outside the V8 heap held by JS objects (Buffers, ArrayBuffers: `nodejs_external_memory_bytes`). */
  readonly external: number;
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? Number.NaN) / 1024;
}

/**
 * RSS is read synchronously first, so it is the figure of this very moment; the heap figures come from a
 * scrape a few milliseconds later (the scrape itself allocates a little, which is noise at MiB scale).
 */
export async function sampleMemory(process: WatchedProcess): Promise<MemorySample> {
  const rss = rssMiB(process.pid);
  const metrics = process.metricsUrl ? await scrape(process.metricsUrl) : '';
  return {
    rss,
    heapUsed: gaugeMiB(metrics, 'nodejs_heap_size_used_bytes'),
    heapTotal: gaugeMiB(metrics, 'nodejs_heap_size_total_bytes'),
    external: gaugeMiB(metrics, 'nodejs_external_memory_bytes'),
  };
}

async function scrape(url: string): Promise<string> {
  return fetch(url, { signal: AbortSignal.timeout(5_000) })
    .then((response) => response.text())
    .catch(() => '');
}

/** The value of an unlabelled-but-for-`service` gauge in Prometheus text format, in MiB. */
function gaugeMiB(metrics: string, name: string): number {
  const line = metrics.split('\n').find((entry) => entry.startsWith(`${name}{`) || entry.startsWith(`${name} `));
  const value = line === undefined ? Number.NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
  return value / (1024 * 1024);
}
