import { collectDefaultMetrics, Registry } from 'prom-client';

/** Injection token of the process's metric registry. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * One registry per service process, with Node's process metrics (CPU, memory, event-loop lag, GC) and a
 * `service` label on every series, so one Prometheus can scrape all three services without relabelling.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
