import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { hasMongoErrorCode, MongoErrorCodes } from '../database/mongo-errors';
import { retryUntilReachable } from '../database/retry-until-reachable';
import { Certificate, REPLACED_CERTIFICATE_INDEXES } from './schemas/certificate.schema';

/**
 * Builds the certificates' indexes the write path relies on, waiting for the database if it is not reachable
 * yet, and drops the indexes the current ones replace.
 */
@Injectable()
export class CertificateIndexes implements OnApplicationBootstrap {
  private readonly logger = new Logger(CertificateIndexes.name);

  constructor(@InjectModel(Certificate.name) private readonly certificates: Model<Certificate>) {}

  /**
   * Before anything is consumed (main.ts starts the consumers after the init hooks): without the unique
   * indexes, two creates of one name could both succeed.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
  }

  ensure(): Promise<void> {
    return retryUntilReachable('creating certificate indexes', async () => {
      await this.certificates.createIndexes();
      await this.dropReplacedIndexes();
    }, this.logger);
  }

  private async dropReplacedIndexes(): Promise<void> {
    for (const name of REPLACED_CERTIFICATE_INDEXES) {
      try {
        await this.certificates.collection.dropIndex(name);
        this.logger.log(`dropped index ${name}, which a newer index replaces`);
      } catch (error) {
        if (!hasMongoErrorCode(error, MongoErrorCodes.indexNotFound)) throw error;
      }
    }
  }
}
