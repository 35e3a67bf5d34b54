import type { CertificateOutcomeEvent, CommandOperation, ErrorCode } from '@certhub/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** What was decided for a request, without what the certificate itself holds (OutcomeStore rebuilds that). */
export type OutcomeDecision =
  | {
      readonly outcome: 'created' | 'updated';
      readonly operation: CommandOperation;
      readonly decidedAt: string;
      readonly certificateId: number;
      /** The certificate's revision this request left behind. */
      readonly revision: number;
      /** A rollback's restored version. */
      readonly restoredVersion?: number;
      /** The outcome's duplicateOf, so an outcome answered again names the same copies. */
      readonly duplicateOf?: readonly number[];
    }
  | {
      readonly outcome: 'deleted';
      readonly operation: CommandOperation;
      readonly decidedAt: string;
      readonly certificateId: number;
      readonly name: string;
      readonly deletedAt: string;
    }
  | {
      readonly outcome: 'rejected';
      readonly operation: CommandOperation;
      readonly decidedAt: string;
      readonly code: ErrorCode;
      readonly message: string;
    };

/**
 * The idempotency record of one (tenant, request id): a redelivered or retried command gets the same
 * decision again instead of being processed twice. It is slim (a few hundred bytes whatever the certificate
 * holds) and expires `OUTCOME_RETENTION_HOURS` after it was claimed, through the `outcome_retention` TTL index:
 * longer than any command can wait on the bus (docs/scaling.md).
 */
@Schema({ collection: 'request_outcomes', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class RequestOutcome {
  @Prop({ type: String, required: true })
  tenantId!: string;

  @Prop({ type: String, required: true })
  requestId!: string;

  /** Hash of the command's content, to tell a retry from a request id reused for something else. */
  @Prop({ type: String, required: true })
  contentHash!: string;

  /** Null from the claim until the outcome is decided (OutcomeStore.claim). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  decision!: OutcomeDecision | null;

  /**
   * A random token of the settle call that recorded `decision`. Decisions are written in batches whose reply
   * gives totals only; when a batch cannot say whose write went in, a call reads this to know if it was its own.
   */
  @Prop({ type: String, required: false })
  decidedBy?: string;

  /**
   * The whole outcome, as records written before `decision` existed held it. Read, never written: these
   * records expire like the others.
   */
  @Prop({ type: MongooseSchema.Types.Mixed, required: false })
  outcome?: CertificateOutcomeEvent | null;

  createdAt!: Date;
}

export const OUTCOME_RETENTION_INDEX = 'outcome_retention';

export const RequestOutcomeSchema = SchemaFactory.createForClass(RequestOutcome);
RequestOutcomeSchema.index({ tenantId: 1, requestId: 1 }, { unique: true, name: 'tenant_request_unique' });
