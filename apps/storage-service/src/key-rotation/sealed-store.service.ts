import type { StorageConfig } from '@certhub/config';
import {
  certificateVersionId,
  parseCertificateVersionId,
  plainEnvelope,
  type RewrapReply,
  type RewrapRequest,
  type SealedEntry,
  type SealedListReply,
  type SealedListRequest,
} from '@certhub/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { Credential } from '../credentials/schemas/credential.schema';
import { rewrapRefusal } from './rewrap-verification';
import { envelopeUnchangedFilter } from './sealed-envelope.filter';
import { sealedListPage } from './sealed-list.page';

/**
 * Reads and swaps envelopes for key-encryption-key rotation. The admin command re-wraps; storage hands it
 * the envelopes and stores what comes back only after checking, with its own copy of the KEKs, that the
 * data key is the same (it never opens a sealed key itself).
 */
@Injectable()
export class SealedStore {
  constructor(
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(Credential.name) private readonly credentials: Model<Credential>,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  /** One page in id order; one extra envelope is read to know whether another page follows. */
  async list(request: SealedListRequest): Promise<SealedListReply> {
    const { kind, notKekId, limit } = request;
    const after = request.after ?? null;
    if (kind === 'certificate-key') {
      const filter = { 'privateKey.kekId': { $ne: notKekId }, ...(after === null ? {} : { _id: { $gt: Number(after) } }) };
      const found = await this.certificates.find(filter, { privateKey: 1 }).sort({ _id: 1 }).limit(limit + 1).lean().exec();
      return sealedListPage(found.map((doc): SealedEntry => ({ id: String(doc._id), envelope: doc.privateKey })), limit);
    }
    if (kind === 'certificate-version-key') return this.listVersionKeys(notKekId, after, limit);
    const filter = {
      kind: 'access-key' as const,
      'sealedSecret.kekId': { $ne: notKekId },
      ...(after === null ? {} : { _id: { $gt: after } }),
    };
    const found = await this.credentials.find(filter, { sealedSecret: 1 }).sort({ _id: 1 }).limit(limit + 1).lean().exec();
    // Every access key is created with a sealed secret (the create contract requires it); a record without
    // one has nothing to rotate.
    return sealedListPage(found.flatMap((doc) => (doc.sealedSecret ? [{ id: doc._id, envelope: doc.sealedSecret }] : [])), limit);
  }

  /**
   * The keys of kept earlier versions, in (certificate, version) order after `after`. At most `limit + 1`
   * certificates are read, each with at least one entry, so the page knows whether another follows.
   */
  private async listVersionKeys(notKekId: string, after: string | null, limit: number): Promise<SealedListReply> {
    const from = after === null ? null : parseCertificateVersionId(after);
    const filter = {
      history: { $elemMatch: { 'privateKey.kekId': { $ne: notKekId } } },
      ...(from === null ? {} : { _id: { $gte: from.certificateId } }),
    };
    const found = await this.certificates.find(filter, { history: 1 }).sort({ _id: 1 }).limit(limit + 1).lean().exec();
    const entries = found.flatMap((doc) =>
      (doc.history ?? [])
        .filter((version) => version.privateKey.kekId !== notKekId)
        .filter((version) => from === null || doc._id > from.certificateId || version.version > from.version)
        .sort((a, b) => a.version - b.version)
        .map((version): SealedEntry => ({ id: certificateVersionId(doc._id, version.version), envelope: version.privateKey })),
    );
    return sealedListPage(entries, limit);
  }

  async rewrap(request: RewrapRequest): Promise<RewrapReply> {
    const refusal = rewrapRefusal(request, this.config.keyring);
    if (refusal !== null) return { updated: false, error: refusal };
    return { updated: await this.replace(request) };
  }

  /** Compare-and-set: applied only while the stored envelope is still, field for field, the one the rotation read. */
  private async replace({ kind, id, expected, replacement }: RewrapRequest): Promise<boolean> {
    const stored = plainEnvelope(replacement);
    if (kind === 'certificate-version-key') {
      const named = parseCertificateVersionId(id);
      if (named === null) return false;
      const result = await this.certificates
        .updateOne(
          { _id: named.certificateId, history: { $elemMatch: { version: named.version, ...envelopeUnchangedFilter('privateKey', expected) } } },
          { $set: { 'history.$.privateKey': stored } },
          { timestamps: false },
        )
        .exec();
      return result.modifiedCount === 1;
    }
    const result =
      kind === 'certificate-key'
        ? await this.certificates
            // No timestamps: a rewrap changes how the key is wrapped, not the certificate its owner sees.
            .updateOne({ _id: Number(id), ...envelopeUnchangedFilter('privateKey', expected) }, { $set: { privateKey: stored } }, { timestamps: false })
            .exec()
        : await this.credentials
            .updateOne({ _id: id, kind: 'access-key', ...envelopeUnchangedFilter('sealedSecret', expected) }, { $set: { sealedSecret: stored } })
            .exec();
    return result.modifiedCount === 1;
  }
}
