import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { PeriodicTask } from '../periodic/periodic-task';
import { ExpiryMetrics } from './expiry-metrics.service';
import { ExpiryPlan } from './expiry-plan.service';
import { ExpiryScan } from './expiry-scan.service';

/** A failed scan (database or NATS down) is tried again after this long, or the interval if shorter. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * Runs the expiry scan at start-up and then every EXPIRY_SCAN_INTERVAL_MS, counted from the end of the
 * previous scan, so a slow scan is never overlapped by the next one in the same process. Each tick first
 * makes sure the stored plan matches the thresholds, and ends by refreshing the expiry metrics.
 */
@Injectable()
export class ExpiryScanner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ExpiryScanner.name);
  private readonly task = new PeriodicTask(() => this.tick());

  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    private readonly plan: ExpiryPlan,
    private readonly scan: ExpiryScan,
    private readonly metrics: ExpiryMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(`expiry watch: thresholds ${this.config.expiry.thresholdsDays.join('/')} days, every ${this.config.expiry.scanIntervalMs}ms`);
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async tick(): Promise<number> {
    const interval = this.config.expiry.scanIntervalMs;
    let delay = interval;
    try {
      const now = new Date();
      const replanned = await this.plan.ensureCurrent(now);
      if (replanned !== null) this.logger.log(`expiry thresholds ${this.config.expiry.thresholdsDays.join('/')} are new here: ${replanned} certificate(s) planned again`);
      const report = await this.scan.run(now);
      if (report.announced > 0) this.logger.log(`expiry scan published ${report.announced} certificate.expiring event(s)`);
      this.logger.debug(`expiry scan read ${report.examined} due certificate(s), published ${report.announced} event(s)`);
      await this.metrics.refresh(now, report);
    } catch (error) {
      delay = Math.min(interval, RETRY_AFTER_FAILURE_MS);
      this.logger.warn(`expiry scan failed, next attempt in ${delay}ms: ${error instanceof Error ? error.message : String(error)}`);
    }
    return delay;
  }
}
