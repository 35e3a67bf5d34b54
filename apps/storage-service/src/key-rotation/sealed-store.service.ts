import type { EncryptedKeyEnvelope, SealedEntry, SealedKind } from '@certhub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { Credential } from '../credentials/schemas/credential.schema';

/**
 * Reads and swaps envelopes for key-encryption-key rotation. Storage cannot open any envelope (it has no
 * KEK); it only hands them to the admin command and stores the re-wrapped ones it gets back.
 */
@Injectable()
export class SealedStore {
  constructor(
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(Credential.name) private readonly credentials: Model<Credential>,
  ) {}

  async list(kind: SealedKind, notKekId: string, after: string | null, limit: number): Promise<SealedEntry[]> {
    if (kind === 'certificate-key') {
      const filter = { 'privateKey.kekId': { $ne: notKekId }, ...(after === null ? {} : { _id: { $gt: Number(after) } }) };
      const found = await this.certificates.find(filter, { privateKey: 1 }).sort({ _id: 1 }).limit(limit).lean().exec();
      return found.map((doc) => ({ id: String(doc._id), envelope: doc.privateKey }));
    }
    const filter = {
      kind: 'access-key' as const,
      'sealedSecret.kekId': { $ne: notKekId },
      ...(after === null ? {} : { _id: { $gt: after } }),
    };
    const found = await this.credentials.find(filter, { sealedSecret: 1 }).sort({ _id: 1 }).limit(limit).lean().exec();
    return found.flatMap((doc) => (doc.sealedSecret ? [{ id: doc._id, envelope: doc.sealedSecret }] : []));
  }

  /**
   * Compare-and-set: applied only while the stored envelope is still the one the rotation read (field by
   * field, since whole-document equality would also depend on field order).
   */
  async replace(kind: SealedKind, id: string, expected: EncryptedKeyEnvelope, replacement: EncryptedKeyEnvelope): Promise<boolean> {
    const field = kind === 'certificate-key' ? 'privateKey' : 'sealedSecret';
    const unchanged = {
      [`${field}.kekId`]: expected.kekId,
      [`${field}.wrappedDataKey`]: expected.wrappedDataKey,
      [`${field}.ciphertext`]: expected.ciphertext,
    };
    const result =
      kind === 'certificate-key'
        ? await this.certificates.updateOne({ _id: Number(id), ...unchanged }, { $set: { privateKey: replacement } }).exec()
        : await this.credentials.updateOne({ _id: id, kind: 'access-key', ...unchanged }, { $set: { sealedSecret: replacement } }).exec();
    return result.modifiedCount === 1;
  }
}
