import { createMetricsRegistry } from './metrics-registry';
import { registerConsumerLag } from './consumer-lag';

describe('metrics registry', () => {
  it('labels every series with the service and exposes process metrics', async () => {
    const text = await createMetricsRegistry('parser-service').metrics();
    expect(text).toMatch(/process_resident_memory_bytes\{service="parser-service"\} \d+/);
  });

  it('reads consumer lag at scrape time and leaves it unset when the source fails', async () => {
    const registry = createMetricsRegistry('storage-service');
    let lag: Promise<number | null> = Promise.resolve(42);
    registerConsumerLag(registry, 'storage-service', { lag: () => lag });
    expect(await registry.metrics()).toContain('certhub_bus_lag_messages{consumer="storage-service",service="storage-service"} 42');

    const fresh = createMetricsRegistry('storage-service');
    lag = Promise.reject(new Error('nats down'));
    registerConsumerLag(fresh, 'storage-service', { lag: () => lag });
    expect(await fresh.metrics()).not.toMatch(/certhub_bus_lag_messages\{/);
  });
});
