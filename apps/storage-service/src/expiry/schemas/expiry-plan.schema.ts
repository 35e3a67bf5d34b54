import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The thresholds the stored `expiryCheckAt`s were computed with. When the configured ones differ (or there is
 * no record, as before the watch kept them), every check is stale and the watch plans all certificates again.
 */
@Schema({ collection: 'expiry_plan', versionKey: false })
export class ExpiryPlanRecord {
  /** Always PLAN_ID: one record per database. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: [Number], required: true })
  thresholdsDays!: number[];
}

export const PLAN_ID = 'thresholds';

export const ExpiryPlanRecordSchema = SchemaFactory.createForClass(ExpiryPlanRecord);
