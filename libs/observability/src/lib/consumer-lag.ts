import { Gauge, type Registry } from 'prom-client';

export interface ConsumerLagSource {
  /** Messages waiting for the consumer plus those delivered but not yet acknowledged. */
  lag(): Promise<number | null>;
}

/**
 * `certhub_bus_lag_messages{consumer}`: how far a durable consumer is behind its stream, read from JetStream
 * when Prometheus scrapes (never stale, no timer). An unreachable NATS leaves the gauge unset for that scrape.
 */
export function registerConsumerLag(registry: Registry, consumer: string, source: ConsumerLagSource): void {
  new Gauge({
    name: 'certhub_bus_lag_messages',
    help: 'Messages pending or unacknowledged for a durable JetStream consumer.',
    labelNames: ['consumer'],
    registers: [registry],
    async collect() {
      const lag = await source.lag().catch(() => null);
      if (lag !== null) this.set({ consumer }, lag);
    },
  });
}
