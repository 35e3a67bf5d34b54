import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it collects
 * again: 1.5 times. Left to itself V8 picks up to 4 times under a steady allocation rate, and a service that
 * keeps 40-60 MiB alive then holds 100-150 MiB of garbage between collections (storage's RSS grew 103 MiB in
 * 30,000 imports, 26 MiB with this; docs/scaling.md, "Memory"). The factor is read at every full collection,
 * so setting it at start-up is enough; it applies to the process's worker threads too.
 */
const HEAP_GROWING_PERCENT = 50;

/** Called first thing by each service's main. */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
