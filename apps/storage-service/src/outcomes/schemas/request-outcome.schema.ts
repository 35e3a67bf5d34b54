import type { CertificateOutcomeEvent } from '@certhub/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * The outcome decided for one (tenant, request id): a redelivered or retried command gets this same
 * outcome again instead of being processed twice. `minimize: false` keeps empty objects (a certificate's
 * `labels: {}`), so an outcome answered again is identical to the first.
 */
@Schema({ collection: 'request_outcomes', versionKey: false, minimize: false, timestamps: { createdAt: true, updatedAt: false } })
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
  outcome!: CertificateOutcomeEvent | null;

  createdAt!: Date;
}

export const RequestOutcomeSchema = SchemaFactory.createForClass(RequestOutcome);
RequestOutcomeSchema.index({ tenantId: 1, requestId: 1 }, { unique: true, name: 'tenant_request_unique' });
