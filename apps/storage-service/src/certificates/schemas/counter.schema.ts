import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One document per sequence; `seq` is advanced atomically with $inc. */
@Schema({ collection: 'counters', versionKey: false })
export class Counter {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: Number, required: true, default: 0 })
  seq!: number;
}

export const CounterSchema = SchemaFactory.createForClass(Counter);
