import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { Certificate } from '../../certificates/schemas/certificate.schema';

/**
 * What is left of a deleted certificate: enough to answer a repeated delete the same way (idempotent), and,
 * until `keysDestroyAt`, the certificate as it was (sealed keys of every kept version included) for an
 * operator to recover. The purge then removes that copy; the sealed keys exist nowhere else. The certificate
 * itself is gone from `certificates`, so no read, listing, expiry scan or dialect finds it, and its name is free.
 */
@Schema({ collection: 'deleted_certificates', versionKey: false })
export class DeletedCertificate {
  /** The certificate's id; ids are never reused, so a tombstone never meets a live certificate. */
  @Prop({ type: Number, required: true })
  _id!: number;

  @Prop({ type: String, required: true })
  tenantId!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: Date, required: true })
  deletedAt!: Date;

  @Prop({ type: String, required: true })
  deletedByRequestId!: string;

  /** When the purge destroys `certificate`; removed with it. */
  @Prop({ type: Date, required: false })
  keysDestroyAt?: Date;

  @Prop({ type: Date, required: false })
  keysDestroyedAt?: Date;

  /** The certificate document as it was deleted, sealed keys included; absent once destroyed. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: false })
  certificate?: Certificate;
}

export const DeletedCertificateSchema = SchemaFactory.createForClass(DeletedCertificate);
// Sparse: destroyed tombstones leave the index, so the purge reads only what is due.
DeletedCertificateSchema.index({ keysDestroyAt: 1 }, { name: 'keys_destroy_at', sparse: true });
