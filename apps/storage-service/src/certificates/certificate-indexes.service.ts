import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { RequestOutcome } from '../outcomes/schemas/request-outcome.schema';
import { Certificate } from './schemas/certificate.schema';

/** Builds the indexes the write path relies on, waiting for the database if it is not reachable yet. */
@Injectable()
export class CertificateIndexes {
  private readonly logger = new Logger(CertificateIndexes.name);

  constructor(
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(RequestOutcome.name) private readonly outcomes: Model<RequestOutcome>,
  ) {}

  async ensure(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await Promise.all([this.certificates.createIndexes(), this.outcomes.createIndexes()]);
        return;
      } catch (error) {
        const delay = Math.min(500 * attempt, 5_000);
        this.logger.warn(`creating indexes failed (attempt ${attempt}), retrying in ${delay}ms: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
