import { createMetricsRegistry } from '@certhub/observability';
import { ExpiryMetrics, PER_CERTIFICATE_SERIES_LIMIT } from './expiry-metrics.service';
import { DAY_MS, expiryConfig, useCertificateStore } from './certificate-store.spec-support';

/** Series lines of one metric in a Prometheus exposition. */
const seriesOf = (text: string, name: string) => text.split('\n').filter((line) => line.startsWith(`${name}{`));

describe('expiry metrics', () => {
  const store = useCertificateStore();
  const now = new Date();
  const soon = PER_CERTIFICATE_SERIES_LIMIT + 100;

  it('keeps per-certificate series to the soonest within the largest threshold, counts the rest, and reads nothing per scrape', async () => {
    await store.insert(soon, (i) => new Date(now.getTime() + (0.5 + (i * 29) / soon) * DAY_MS));
    await store.insert(400, (i) => new Date(now.getTime() + (31 + i / 10) * DAY_MS));
    await store.insert(700, (i) => new Date(now.getTime() - (1 + i) * DAY_MS));
    const registry = createMetricsRegistry('storage-service');
    const metrics = new ExpiryMetrics(registry, expiryConfig(), store.certificates);
    metrics.onModuleInit();

    await metrics.refresh(now, { announced: 3, examined: 12 });

    const before = await store.scannedObjects();
    const text = await registry.metrics();
    expect((await store.scannedObjects()) - before).toBe(0);
    const perCertificate = seriesOf(text, 'certhub_certificate_not_after_timestamp_seconds');
    expect(perCertificate).toHaveLength(PER_CERTIFICATE_SERIES_LIMIT);
    // The soonest: the first certificate inserted expires first.
    expect(perCertificate[0]).toContain('certificate_id="1"');
    expect(text).not.toContain(`certificate_id="${soon + 1}"`);
    expect(text).toContain('certhub_certificates_expiring{within_days="30",service="storage-service"} 1100');
    expect(text).toMatch(/certhub_certificates_expiring\{within_days="1",service="storage-service"\} \d+/);
    expect(text).toContain('certhub_certificates_expired{service="storage-service"} 700');
    expect(text).toContain('certhub_certificate_expiry_series_omitted{service="storage-service"} 100');
    expect(text).toContain('certhub_expiry_scan_examined_certificates{service="storage-service"} 12');
    expect(text).toMatch(/certhub_expiry_scan_completed_timestamp_seconds\{service="storage-service"\} \d+/);
    // However many certificates, the exposition stays this size.
    expect(text.split('\n').filter((line) => line.startsWith('certhub_')).length).toBeLessThan(PER_CERTIFICATE_SERIES_LIMIT + 20);
  });
});
