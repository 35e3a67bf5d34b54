import type { CredentialKind, EncryptedKeyEnvelope } from '@certhub/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** A token (kept as its SHA-256 only) or an AccessKey (secret kept sealed), owned by one tenant. */
@Schema({ collection: 'credentials', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class Credential {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: ['token', 'access-key'] })
  kind!: CredentialKind;

  @Prop({ type: String, required: true })
  tenantId!: string;

  @Prop({ type: String, default: null })
  tokenHash!: string | null;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  sealedSecret!: EncryptedKeyEnvelope | null;

  @Prop({ type: String, default: '' })
  description!: string;

  createdAt!: Date;
}

export const CredentialSchema = SchemaFactory.createForClass(Credential);
// Partial: access keys have no token hash, and nulls must not collide.
CredentialSchema.index(
  { tokenHash: 1 },
  { unique: true, name: 'token_hash_unique', partialFilterExpression: { tokenHash: { $type: 'string' } } },
);
