import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Certificate, EXPIRY_CHECK_ON_NEXT_SCAN } from '../certificates/schemas/certificate.schema';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { ExpiryPlanRecord, PLAN_ID } from './schemas/expiry-plan.schema';

/**
 * Keeps every certificate's `expiryCheckAt` computed with the configured thresholds. A changed
 * EXPIRY_THRESHOLDS_DAYS (or a database from before the watch planned) makes every certificate still valid
 * due once, through the `not_after` index; the scan then plans each anew. All instances must share the
 * thresholds, or each start would undo the others' plan.
 */
@Injectable()
export class ExpiryPlan {
  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(ExpiryPlanRecord.name) private readonly plans: Model<ExpiryPlanRecord>,
  ) {}

  /** Returns how many certificates were made due again, or null when the plan was current. */
  async ensureCurrent(now: Date): Promise<number | null> {
    const wanted = [...this.config.expiry.thresholdsDays].sort((a, b) => a - b);
    const recorded = await this.plans.findById(PLAN_ID).lean().exec();
    if (recorded && recorded.thresholdsDays.join(',') === wanted.join(',')) return null;
    // Re-plan first, record second: a crash in between only repeats the re-plan.
    const result = await this.certificates
      .updateMany({ notAfter: { $gt: now } }, { $set: { expiryCheckAt: EXPIRY_CHECK_ON_NEXT_SCAN } }, { timestamps: false })
      .exec();
    await this.plans.updateOne({ _id: PLAN_ID }, { $set: { thresholdsDays: wanted } }, { upsert: true }).exec();
    return result.modifiedCount;
  }
}
