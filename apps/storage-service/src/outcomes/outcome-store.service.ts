import type { CertificateOutcomeEvent } from '@certhub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKeyError, rethrowAsTransient } from '../certificates/mongo-errors';
import { RequestOutcome } from './schemas/request-outcome.schema';

export interface StoredOutcome {
  readonly contentHash: string;
  readonly outcome: CertificateOutcomeEvent;
}

/** The idempotency record: at most one outcome per (tenant, request id), first writer wins. */
@Injectable()
export class OutcomeStore {
  constructor(@InjectModel(RequestOutcome.name) private readonly outcomes: Model<RequestOutcome>) {}

  async find(tenantId: string, requestId: string): Promise<StoredOutcome | null> {
    try {
      return await this.outcomes.findOne({ tenantId, requestId }, { contentHash: 1, outcome: 1 }).lean().exec();
    } catch (error) {
      return rethrowAsTransient(error);
    }
  }

  /** Records the outcome, or returns the one a concurrent delivery of the same command recorded first. */
  async record(contentHash: string, outcome: CertificateOutcomeEvent): Promise<StoredOutcome> {
    try {
      await this.outcomes.create({ tenantId: outcome.tenantId, requestId: outcome.requestId, contentHash, outcome });
      return { contentHash, outcome };
    } catch (error) {
      if (!isDuplicateKeyError(error)) rethrowAsTransient(error);
      const first = await this.find(outcome.tenantId, outcome.requestId);
      if (!first) throw error;
      return first;
    }
  }
}
