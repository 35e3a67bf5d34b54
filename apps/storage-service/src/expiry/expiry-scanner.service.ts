import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { STORAGE_CONFIG } from '../app/storage-config.token';
import { ExpiryScan } from './expiry-scan.service';

/** A failed scan (database or NATS down) is tried again after this long, or the interval if shorter. */
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * Runs the expiry scan at start-up and then every EXPIRY_SCAN_INTERVAL_MS, counted from the end of the
 * previous scan, so a slow scan is never overlapped by the next one in the same process.
 */
@Injectable()
export class ExpiryScanner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ExpiryScanner.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    private readonly scan: ExpiryScan,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(`expiry watch: thresholds ${this.config.expiry.thresholdsDays.join('/')} days, every ${this.config.expiry.scanIntervalMs}ms`);
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delayMs);
    // The scan alone must not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const interval = this.config.expiry.scanIntervalMs;
    let delay = interval;
    try {
      const announced = await this.scan.run(new Date());
      if (announced > 0) this.logger.log(`expiry scan published ${announced} certificate.expiring event(s)`);
    } catch (error) {
      delay = Math.min(interval, RETRY_AFTER_FAILURE_MS);
      this.logger.warn(`expiry scan failed, next attempt in ${delay}ms: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.schedule(delay);
  }
}
