import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { PeriodicTask } from '../periodic/periodic-task';
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
  private readonly task = new PeriodicTask(() => this.tick());
  private indexed = false;

  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(DeletedCertificate.name) private readonly deleted: Model<DeletedCertificate>,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Destroys what is due at `now`; returns how many certificates' keys were destroyed. */
  async purge(now: Date): Promise<number> {
    const result = await this.deleted
      .updateMany({ keysDestroyAt: { $lte: now } }, { $unset: { certificate: 1, keysDestroyAt: 1 }, $set: { keysDestroyedAt: now } })
      .exec();
    return result.modifiedCount;
  }

  private async tick(): Promise<number> {
    try {
      // autoIndex is off (mongo-connection-options.ts); the purge is the only reader that needs an index.
      if (!this.indexed) {
        await this.deleted.createIndexes();
        this.indexed = true;
      }
      const destroyed = await this.purge(new Date());
      if (destroyed > 0) this.logger.log(`destroyed the sealed keys of ${destroyed} deleted certificate(s)`);
    } catch (error) {
      this.logger.warn(`purge of deleted certificates' keys failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
    }
    return Math.min(this.config.lifecycle.deletedKeyRetentionMs, MAX_PURGE_INTERVAL_MS);
  }
}
