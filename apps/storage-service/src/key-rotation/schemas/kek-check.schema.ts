import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The check value (kekCheckValue) of the key a KEK id named when storage first started with it. */
@Schema({ collection: 'kek_checks', versionKey: false })
export class KekCheck {
  /** The KEK id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  checkValue!: string;

  @Prop({ type: Date, required: true })
  recordedAt!: Date;
}

export const KekCheckSchema = SchemaFactory.createForClass(KekCheck);
