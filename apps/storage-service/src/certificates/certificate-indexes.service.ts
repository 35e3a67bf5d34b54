import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { STORAGE_CONFIG } from '../app/storage-config.token';
import { OUTCOME_RETENTION_INDEX, RequestOutcome } from '../outcomes/schemas/request-outcome.schema';
import { Certificate, REPLACED_CERTIFICATE_INDEXES } from './schemas/certificate.schema';

/** mongod's IndexOptionsConflict: the index exists with other options (here: another TTL). */
const INDEX_OPTIONS_CONFLICT = 85;
/** mongod's IndexNotFound. */
const INDEX_NOT_FOUND = 27;

/**
 * Builds the indexes the write path relies on, waiting for the database if it is not reachable yet: the
 * schemas' indexes, the idempotency records' TTL from OUTCOME_RETENTION_HOURS (changed in place when the
 * setting changes), and without the indexes the current ones replace.
 */
@Injectable()
export class CertificateIndexes implements OnApplicationBootstrap {
  private readonly logger = new Logger(CertificateIndexes.name);

  constructor(
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(RequestOutcome.name) private readonly outcomes: Model<RequestOutcome>,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  /**
   * Before anything is consumed (main.ts starts the consumers after the init hooks): without the unique
   * indexes, two creates of one name could both succeed.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  async ensure(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await Promise.all([this.certificates.createIndexes(), this.outcomes.createIndexes()]);
        await this.ensureOutcomeRetention(this.config.outcomeRetentionHours * 3_600);
        await this.dropReplacedIndexes();
        return;
      } catch (error) {
        const delay = Math.min(500 * attempt, 5_000);
        this.logger.warn(`creating indexes failed (attempt ${attempt}), retrying in ${delay}ms: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async ensureOutcomeRetention(expireAfterSeconds: number): Promise<void> {
    const collection = this.outcomes.collection;
    try {
      await collection.createIndex({ createdAt: 1 }, { name: OUTCOME_RETENTION_INDEX, expireAfterSeconds });
    } catch (error) {
      if ((error as { code?: unknown }).code !== INDEX_OPTIONS_CONFLICT) throw error;
      // The retention changed since the index was built: collMod changes a TTL without rebuilding the index.
      const db = this.outcomes.db.db;
      if (!db) throw new Error('not connected to the database');
      await db.command({ collMod: collection.collectionName, index: { name: OUTCOME_RETENTION_INDEX, expireAfterSeconds } });
      this.logger.log(`request_outcomes now expire after ${expireAfterSeconds} s`);
    }
  }

  private async dropReplacedIndexes(): Promise<void> {
    for (const name of REPLACED_CERTIFICATE_INDEXES) {
      try {
        await this.certificates.collection.dropIndex(name);
        this.logger.log(`dropped index ${name}, which a newer index replaces`);
      } catch (error) {
        if ((error as { code?: unknown }).code !== INDEX_NOT_FOUND) throw error;
      }
    }
  }
}
