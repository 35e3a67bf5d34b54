import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { DeletedCertificate } from './schemas/deleted-certificate.schema';

/** The purge runs at least this often, so a key is never kept much past its retention. */
const MAX_PURGE_INTERVAL_MS = 3_600_000;

/**
 * Destroys the sealed keys (and the rest of the kept copy) of certificates deleted more than
 * DELETED_KEY_RETENTION_MS ago: at start-up, then every min(retention, 1 hour). The tombstone (id, tenant,
 * name, when) stays, so a repeated delete is still answered `deleted`. Idempotent and conditional on being
 * due, so several storage instances may purge at once.
 */
@Injectable()
export class DeletedKeyPurge implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeletedKeyPurge.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(DeletedCertificate.name) private readonly deleted: Model<DeletedCertificate>,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Destroys what is due at `now`; returns how many certificates' keys were destroyed. */
  async purge(now: Date): Promise<number> {
    const result = await this.deleted
      .updateMany({ keysDestroyAt: { $lte: now } }, { $unset: { certificate: 1, keysDestroyAt: 1 }, $set: { keysDestroyedAt: now } })
      .exec();
    return result.modifiedCount;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      // autoIndex is off (mongo-connection-options.ts); the purge is the only reader that needs an index.
      await this.deleted.createIndexes();
      const destroyed = await this.purge(new Date());
      if (destroyed > 0) this.logger.log(`destroyed the sealed keys of ${destroyed} deleted certificate(s)`);
    } catch (error) {
      this.logger.warn(`purge of deleted certificates' keys failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.schedule(Math.min(this.config.lifecycle.deletedKeyRetentionMs, MAX_PURGE_INTERVAL_MS));
  }
}
