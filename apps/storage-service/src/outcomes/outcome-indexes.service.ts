import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { hasMongoErrorCode, MongoErrorCodes } from '../database/mongo-errors';
import { retryUntilReachable } from '../database/retry-until-reachable';
import { OUTCOME_RETENTION_INDEX, RequestOutcome } from './schemas/request-outcome.schema';

/**
 * Builds the idempotency records' indexes, waiting for the database if it is not reachable yet: the unique
 * (tenant, request id) index, and the TTL from OUTCOME_RETENTION_HOURS (changed in place when the setting
 * changes).
 */
@Injectable()
export class OutcomeIndexes implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutcomeIndexes.name);

  constructor(
    @InjectModel(RequestOutcome.name) private readonly outcomes: Model<RequestOutcome>,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  /**
   * Before anything is consumed (main.ts starts the consumers after the init hooks): without the unique
   * index, two deliveries of one request could both claim it.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  ensure(): Promise<void> {
    return retryUntilReachable('creating request outcome indexes', async () => {
      await this.outcomes.createIndexes();
      await this.ensureOutcomeRetention(this.config.outcomeRetentionHours * 3_600);
    }, this.logger);
  }

  private async ensureOutcomeRetention(expireAfterSeconds: number): Promise<void> {
    const collection = this.outcomes.collection;
    try {
      await collection.createIndex({ createdAt: 1 }, { name: OUTCOME_RETENTION_INDEX, expireAfterSeconds });
    } catch (error) {
      if (!hasMongoErrorCode(error, MongoErrorCodes.indexOptionsConflict)) throw error;
      // The retention changed since the index was built: collMod changes a TTL without rebuilding the index.
      const db = this.outcomes.db.db;
      if (!db) throw new Error('not connected to the database');
      await db.command({ collMod: collection.collectionName, index: { name: OUTCOME_RETENTION_INDEX, expireAfterSeconds } });
      this.logger.log(`request_outcomes now expire after ${expireAfterSeconds} s`);
    }
  }
}
