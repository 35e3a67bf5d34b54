import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CertificateMetadata, ChainEntryMetadata, CommandOperation, EncryptedKeyEnvelope } from '@certhub/contracts';
import type { CertificateVersion } from './certificate-version';
import { Schema as MongooseSchema, type HydratedDocument } from 'mongoose';

/** How many applied update request ids a certificate remembers, to make a redelivered update a no-op. */
export const APPLIED_REQUEST_IDS_KEPT = 32;

/** The `expiryCheckAt` of new content: earlier than any scan, so the next one looks at it. */
export const EXPIRY_CHECK_ON_NEXT_SCAN = new Date(0);

@Schema({ collection: 'certificates', timestamps: true, minimize: false, versionKey: false })
export class Certificate {
  /** Integer id from the `counters` collection: Rainbond's id and Alibaba's CertId. */
  @Prop({ type: Number, required: true })
  _id!: number;

  /** 32 lower-case hex characters: Huawei APIG's certificate id. */
  @Prop({ type: String, required: true })
  uid!: string;

  @Prop({ type: String, required: true })
  tenantId!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  labels!: Record<string, string>;

  /** Searchable key/value pairs (the certhub API's `tags`), kept apart from the dialects' labels. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  tags!: Record<string, string>;

  /** `tags` as "key:value" strings, for the tag look-up's multikey index (keys hold no ":"). */
  @Prop({ type: [String], default: [] })
  tagPairs!: string[];

  @Prop({ type: String, required: true })
  certificatePem!: string;

  @Prop({ type: [String], default: [] })
  chainPem!: string[];

  @Prop({ type: String, default: null })
  trustedRootCaPem!: string | null;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  metadata!: CertificateMetadata;

  @Prop({ type: MongooseSchema.Types.Mixed, default: [] })
  chain!: ChainEntryMetadata[];

  /** Lower-cased CN and DNS SANs, for look-ups by hostname. */
  @Prop({ type: [String], default: [] })
  hostnames!: string[];

  @Prop({ type: Date, required: true })
  notAfter!: Date;

  /** Expiry thresholds (days) already announced for this notAfter; emptied by every update. */
  @Prop({ type: [Number], default: [] })
  expiryNotified!: number[];

  /**
   * When the expiry watch must next look at this certificate: the epoch after every write (look at it on the
   * next scan), then the moment it crosses its next unannounced threshold; absent once nothing is left to
   * announce. The scan reads only certificates whose moment has come (apps/storage-service/src/expiry).
   */
  @Prop({ type: Date, required: false })
  expiryCheckAt?: Date;

  /** Sealed by the parser; the storage service never sees the clear key. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  privateKey!: EncryptedKeyEnvelope;

  @Prop({ type: Number, default: 1 })
  revision!: number;

  @Prop({ type: String, required: true })
  createdByRequestId!: string;

  @Prop({ type: [String], default: [] })
  appliedRequestIds!: string[];

  /** The operation that made the current revision; absent on certificates stored before versions existed. */
  @Prop({ type: String, required: false })
  revisionOperation?: CommandOperation;

  /** Set when a rollback made the current revision: the version whose content it restored. */
  @Prop({ type: Number, required: false })
  restoredVersion?: number;

  /**
   * The previous versions, oldest first, at most CERTIFICATE_VERSIONS_KEPT - 1 of them (the current one is the
   * document itself). Kept in the certificate so that a new version and its history change in one atomic write.
   * Each keeps its own sealed key, sealed exactly as it was stored. Never read by the record, list or expiry
   * projections.
   */
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  history?: CertificateVersion[];

  createdAt!: Date;
  updatedAt!: Date;
}

export type CertificateDocument = HydratedDocument<Certificate>;

/** Indexes earlier versions created that the current ones replace; dropped at start-up. */
export const REPLACED_CERTIFICATE_INDEXES = ['tenant_hostnames', 'tenant_fingerprint'] as const;

export const CertificateSchema = SchemaFactory.createForClass(Certificate);
CertificateSchema.index({ tenantId: 1, name: 1 }, { unique: true, name: 'tenant_name_unique' });
CertificateSchema.index({ uid: 1 }, { unique: true, name: 'uid_unique' });
// Hostname listing filters on (tenant, hostname) and pages in (notAfter, _id) order: with both in the index,
// MongoDB merges the hostname candidates' index ranges in order instead of sorting every match in memory.
CertificateSchema.index({ tenantId: 1, hostnames: 1, notAfter: 1, _id: 1 }, { name: 'tenant_hostnames_not_after' });
// A create names the oldest copies of its certificate in the tenant (`duplicateOf`, sorted by _id, limited):
// with _id in the index MongoDB reads only those, not every copy the tenant ever imported.
CertificateSchema.index({ tenantId: 1, 'metadata.fingerprintSha256': 1, _id: 1 }, { name: 'tenant_fingerprint_id' });
// Tag look-ups (`tag=key:value`, repeatable) filter on one pair through this index and page in (notAfter, _id) order.
CertificateSchema.index({ tenantId: 1, tagPairs: 1, notAfter: 1, _id: 1 }, { name: 'tenant_tags_not_after' });
CertificateSchema.index({ notAfter: 1 }, { name: 'not_after' });
CertificateSchema.index({ tenantId: 1, notAfter: 1, _id: 1 }, { name: 'tenant_not_after' });
// Sparse: a certificate with nothing left to announce has no expiryCheckAt and costs the index nothing.
CertificateSchema.index({ expiryCheckAt: 1, _id: 1 }, { name: 'expiry_check', sparse: true });
