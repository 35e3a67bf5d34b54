import type { StorageConfig } from '@certhub/config';
import { METRICS_REGISTRY } from '@certhub/observability';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Gauge, type Registry } from 'prom-client';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import type { ExpiryScanReport } from './expiry-scan.service';
import { DAY_MS } from './expiry-thresholds';

/**
 * At most this many per-certificate expiry series, the soonest to expire: alerting needs the few about to
 * expire, not a series for each of a million certificates.
 */
export const PER_CERTIFICATE_SERIES_LIMIT = 1_000;

type Gauges = Record<'notAfter' | 'expiring' | 'expired' | 'omitted' | 'examined' | 'completed', Gauge<string>>;

/**
 * Expiry metrics with bounded cardinality, computed after each expiry scan and served from memory: a scrape
 * never reads the database. Per certificate only those expiring within the largest threshold, soonest first
 * and at most PER_CERTIFICATE_SERIES_LIMIT; everything else as counts. Values are as of the last scan
 * (EXPIRY_SCAN_INTERVAL_MS); `certhub_expiry_scan_completed_timestamp_seconds` says when that was.
 */
@Injectable()
export class ExpiryMetrics implements OnModuleInit {
  private gauges: Gauges | null = null;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
  ) {}

  onModuleInit(): void {
    const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [this.registry] });
    this.gauges = {
      notAfter: gauge(
        'certhub_certificate_not_after_timestamp_seconds',
        `Expiry of each certificate expiring within the largest threshold (soonest ${PER_CERTIFICATE_SERIES_LIMIT}), as a Unix timestamp.`,
        ['tenant', 'certificate_id', 'name'],
      ),
      expiring: gauge('certhub_certificates_expiring', 'Certificates not yet expired that expire within each threshold.', ['within_days']),
      expired: gauge('certhub_certificates_expired', 'Stored certificates whose notAfter has passed.'),
      omitted: gauge('certhub_certificate_expiry_series_omitted', 'Certificates within the largest threshold left without a series of their own by the limit.'),
      examined: gauge('certhub_expiry_scan_examined_certificates', 'Certificates the last expiry scan read (only those due).'),
      completed: gauge('certhub_expiry_scan_completed_timestamp_seconds', 'When the last expiry scan completed, as a Unix timestamp.'),
    };
  }

  /**
   * Drops a deleted certificate's series now; the counts follow at the next refresh, which no longer reads
   * it (deleted certificates leave the collection).
   */
  async forget(tenantId: string, certificateId: number): Promise<void> {
    const gauge = this.gauges?.notAfter;
    if (!gauge) return;
    // By tenant and id, whatever name the series carries (the certificate may have been renamed since).
    for (const { labels } of (await gauge.get()).values) {
      if (labels['tenant'] === tenantId && labels['certificate_id'] === String(certificateId)) gauge.remove(labels);
    }
  }

  /** Index-backed reads only: a range on `notAfter` for the counts, and the first N of it for the series. */
  async refresh(now: Date, scan: ExpiryScanReport): Promise<void> {
    const gauges = this.gauges;
    if (!gauges) return;
    const thresholds = [...this.config.expiry.thresholdsDays].sort((a, b) => a - b);
    const largest = thresholds[thresholds.length - 1] ?? 0;
    const within = (days: number) => ({ notAfter: { $gt: now, $lte: new Date(now.getTime() + days * DAY_MS) } });
    // Sorted by notAfter alone, which the `not_after` index yields in order: the read stops after the limit.
    const soonest = await this.certificates
      .find(within(largest), { tenantId: 1, name: 1, notAfter: 1 })
      .sort({ notAfter: 1 })
      .limit(PER_CERTIFICATE_SERIES_LIMIT)
      .lean()
      .exec();
    const counts = await Promise.all(thresholds.map((days) => this.certificates.countDocuments(within(days)).exec()));
    const expired = await this.certificates.countDocuments({ notAfter: { $lte: now } }).exec();

    // Everything read first, then replaced at once: a scrape sees the old set or the new one.
    gauges.notAfter.reset();
    for (const doc of soonest) {
      gauges.notAfter.set({ tenant: doc.tenantId, certificate_id: String(doc._id), name: doc.name }, Math.floor(doc.notAfter.getTime() / 1_000));
    }
    gauges.expiring.reset();
    thresholds.forEach((days, i) => gauges.expiring.set({ within_days: String(days) }, counts[i] ?? 0));
    gauges.expired.set(expired);
    gauges.omitted.set(Math.max(0, (counts[counts.length - 1] ?? 0) - soonest.length));
    gauges.examined.set(scan.examined);
    gauges.completed.set(Math.floor(Date.now() / 1_000));
  }
}
