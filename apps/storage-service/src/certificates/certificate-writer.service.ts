import { CerthubError, DUPLICATE_IDS_LISTED, type CertificateParsedEvent, type CertificateRecord, type ParsedCertificate } from '@certhub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import { duplicateKeyField, isDuplicateKeyError, rethrowAsTransient } from '../database/mongo-errors';
import { hostnamesOf, tagPairsOf, toCertificateRecord } from './certificate-record.mapper';
import { IdAllocator } from './id-allocator.service';
import { APPLIED_REQUEST_IDS_KEPT, Certificate, EXPIRY_CHECK_ON_NEXT_SCAN } from './schemas/certificate.schema';

type ValidCommand = CertificateParsedEvent & { verdict: { ok: true; parsed: ParsedCertificate } };

/**
 * Creates and updates certificates so that running the same command twice (a redelivery after a crash
 * between the write and the acknowledgement) has the effect of running it once. MongoDB's unique index on
 * (tenant, name) is what makes names unique, also under concurrency; nothing here checks-then-writes.
 */
@Injectable()
export class CertificateWriter {
  constructor(
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    private readonly ids: IdAllocator,
  ) {}

  async create(command: ValidCommand): Promise<CertificateRecord> {
    try {
      const id = await this.ids.next();
      const created = await this.certificates.create({
        _id: id,
        uid: randomBytes(16).toString('hex'),
        tenantId: command.tenantId,
        createdByRequestId: command.requestId,
        appliedRequestIds: [command.requestId],
        revision: 1,
        ...this.contentOf(command),
      });
      return toCertificateRecord(created.toObject());
    } catch (error) {
      if (!isDuplicateKeyError(error)) rethrowAsTransient(error);
      if (duplicateKeyField(error) === 'uid') return this.create(command);
      // Our own earlier attempt may have inserted it before a crash: that is success, not a conflict.
      const existing = await this.certificates.findOne({ tenantId: command.tenantId, name: command.name }).lean().exec();
      if (existing?.createdByRequestId === command.requestId) return toCertificateRecord(existing);
      throw nameConflict(command.name);
    }
  }

  async update(command: ValidCommand, certificateId: number): Promise<CertificateRecord> {
    const owned = { _id: certificateId, tenantId: command.tenantId };
    try {
      const updated = await this.certificates
        .findOneAndUpdate(
          { ...owned, appliedRequestIds: { $ne: command.requestId } },
          {
            $set: this.contentOf(command),
            $inc: { revision: 1 },
            $push: { appliedRequestIds: { $each: [command.requestId], $slice: -APPLIED_REQUEST_IDS_KEPT } },
          },
          { returnDocument: 'after' },
        )
        .lean()
        .exec();
      if (updated) return toCertificateRecord(updated);
      // Either it is not this tenant's certificate, or this very update was applied before.
      const existing = await this.certificates.findOne(owned).lean().exec();
      if (!existing) throw new CerthubError('NOT_FOUND', `Certificate ${certificateId} does not exist.`);
      return toCertificateRecord(existing);
    } catch (error) {
      if (error instanceof CerthubError) throw error;
      if (isDuplicateKeyError(error)) throw nameConflict(command.name);
      return rethrowAsTransient(error);
    }
  }

  /**
   * The other certificates of the tenant with this fingerprint, oldest first: an import of a copy succeeds, and
   * its answer names them (duplicateOf).
   */
  async duplicatesOf(record: CertificateRecord): Promise<number[]> {
    try {
      const copies = await this.certificates
        .find({ tenantId: record.tenantId, 'metadata.fingerprintSha256': record.metadata.fingerprintSha256, _id: { $ne: record.id } }, { _id: 1 })
        .sort({ _id: 1 })
        .limit(DUPLICATE_IDS_LISTED)
        .lean()
        .exec();
      return copies.map((copy) => copy._id);
    } catch (error) {
      return rethrowAsTransient(error);
    }
  }

  private contentOf(command: ValidCommand) {
    const { parsed } = command.verdict;
    // Tags are replaced only by a command that sends them: a dialect's update (which has none) keeps them.
    const tags = command.tags !== undefined ? { tags: { ...command.tags }, tagPairs: tagPairsOf(command.tags) } : {};
    return {
      name: command.name,
      labels: { ...command.labels },
      ...tags,
      certificatePem: parsed.certificatePem,
      chainPem: [...parsed.chainPem],
      trustedRootCaPem: parsed.trustedRootCaPem,
      metadata: parsed.metadata,
      chain: [...parsed.chain],
      hostnames: hostnamesOf(parsed.metadata),
      notAfter: new Date(parsed.metadata.notAfter),
      // New content, new validity: every expiry threshold is announced again for it, and the expiry watch
      // looks at it on its next scan.
      expiryNotified: [],
      expiryCheckAt: EXPIRY_CHECK_ON_NEXT_SCAN,
      privateKey: parsed.privateKey,
    };
  }
}

function nameConflict(name: string): CerthubError {
  return new CerthubError('NAME_CONFLICT', `A certificate named "${name}" already exists.`);
}
