import { CerthubError, DUPLICATE_IDS_LISTED, type CertificateParsedEvent, type CertificateRecord, type CommandOperation, type ParsedCertificate } from '@certhub/contracts';
import { TransientError } from '@certhub/messaging';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomBytes } from 'node:crypto';
import type { Model } from 'mongoose';
import { InsertBatcher } from '../database/insert-batcher';
import { journaledByNextWrite } from '../database/journaled-by-next-write';
import { isDuplicateKeyError, rethrowAsTransient } from '../database/mongo-errors';
import { hostnamesOf, RECORD_FIELDS, tagPairsOf, toCertificateRecord } from './certificate-record.mapper';
import { currentVersionOf, historySlice, VERSIONED_FIELDS, type VersionedCertificate } from './certificate-versions';
import { IdAllocator } from './id-allocator.service';
import { APPLIED_REQUEST_IDS_KEPT, Certificate, EXPIRY_CHECK_ON_NEXT_SCAN } from './schemas/certificate.schema';
import { DEFAULT_VERSIONS_KEPT, VERSIONS_KEPT } from './versions-kept.token';

/** A change of a stored certificate's content: what it becomes, given what it is now. */
export interface ContentChange {
  readonly operation: Extract<CommandOperation, 'update' | 'rollback'>;
  /** The fields to set, computed from the certificate as read; throw a CerthubError to refuse. */
  readonly contentFor: (current: VersionedCertificate) => Record<string, unknown>;
  readonly restoredVersion?: number;
}

/** A create whose uid or id collided is tried again with new ones this often (a random uid collides almost never). */
const MAX_CREATE_ATTEMPTS = 3;

/** Concurrent writes to one certificate are retried this often before the delivery is retried as a whole. */
const MAX_CONCURRENT_WRITE_ATTEMPTS = 16;

type ValidCommand = CertificateParsedEvent & { verdict: { ok: true; parsed: ParsedCertificate } };

/**
 * Creates and updates certificates so that running the same command twice (a redelivery after a crash
 * between the write and the acknowledgement) has the effect of running it once. MongoDB's unique index on
 * (tenant, name) is what makes names unique, also under concurrency; nothing here checks-then-writes.
 */
@Injectable()
export class CertificateWriter {
  private inserts?: InsertBatcher;

  constructor(
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    private readonly ids: IdAllocator,
    @Optional() @Inject(VERSIONS_KEPT) private readonly versionsKept: number = DEFAULT_VERSIONS_KEPT,
  ) {}

  async create(command: ValidCommand, attempt = 1): Promise<CertificateRecord> {
    try {
      const id = await this.ids.next();
      const now = new Date();
      // The document as mongoose would write it, its defaults and timestamps included (the spec compares them),
      // built here so that concurrent creates share one insert command.
      const created: Certificate = {
        _id: id,
        uid: randomBytes(16).toString('hex'),
        tenantId: command.tenantId,
        createdByRequestId: command.requestId,
        appliedRequestIds: [command.requestId],
        revision: 1,
        revisionOperation: 'create',
        tags: {},
        tagPairs: [],
        history: [],
        ...this.contentOf(command),
        createdAt: now,
        updatedAt: now,
      };
      // Made durable by the outcome recorded after it (OutcomeStore.settle), before anything is answered.
      this.inserts ??= new InsertBatcher(this.certificates.collection, journaledByNextWrite(this.certificates).writeConcern);
      await this.inserts.insert(created);
      return toCertificateRecord(created);
    } catch (error) {
      if (!isDuplicateKeyError(error)) rethrowAsTransient(error);
      // Which unique index refused it is read from the data, not the error: a batched insert's error does not
      // name the index (the driver's bulk result keeps only code and message).
      const existing = await this.certificates.findOne({ tenantId: command.tenantId, name: command.name }).lean().exec();
      // Our own earlier attempt may have inserted it before a crash: that is success, not a conflict.
      if (existing?.createdByRequestId === command.requestId) return toCertificateRecord(existing);
      if (existing) throw nameConflict(command.name);
      // The name is free, so the uid (random) or the id collided: a new attempt draws both again.
      if (attempt < MAX_CREATE_ATTEMPTS) return this.create(command, attempt + 1);
      throw new Error(`certificate ${command.name} of ${command.tenantId} collided on a unique key ${attempt} times with its name free`);
    }
  }

  async update(command: ValidCommand, certificateId: number): Promise<CertificateRecord> {
    try {
      return await this.replace(command.tenantId, certificateId, command.requestId, {
        operation: 'update',
        contentFor: () => this.contentOf(command),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw nameConflict(command.name);
      throw error;
    }
  }

  /**
   * Makes new content current as the next version, keeping the current one in the history (at most
   * VERSIONS_KEPT versions in all). Read, then write only if the certificate is still at the revision read:
   * the history entry is the content that write replaces, and a concurrent write makes this one read again.
   * A request id already applied is answered with the certificate as it is (a redelivery writes nothing).
   */
  async replace(tenantId: string, certificateId: number, requestId: string, change: ContentChange): Promise<CertificateRecord> {
    const owned = { _id: certificateId, tenantId };
    try {
      for (let attempt = 0; attempt < MAX_CONCURRENT_WRITE_ATTEMPTS; attempt++) {
        const current = await this.certificates.findOne(owned, VERSIONED_FIELDS).lean<VersionedCertificate>().exec();
        if (!current) throw new CerthubError('NOT_FOUND', `Certificate ${certificateId} does not exist.`);
        if (current.appliedRequestIds.includes(requestId)) return await this.record(owned);
        const updated = await this.certificates
          .findOneAndUpdate(
            { ...owned, revision: current.revision, appliedRequestIds: { $ne: requestId } },
            {
              $set: { ...change.contentFor(current), revisionOperation: change.operation, ...(change.restoredVersion !== undefined && { restoredVersion: change.restoredVersion }) },
              ...(change.restoredVersion === undefined && { $unset: { restoredVersion: 1 } }),
              $inc: { revision: 1 },
              $push: {
                appliedRequestIds: { $each: [requestId], $slice: -APPLIED_REQUEST_IDS_KEPT },
                history: { $each: [currentVersionOf(current)], $slice: historySlice(this.versionsKept) },
              },
            },
            // Durable with the outcome recorded after it, as for a create.
            { returnDocument: 'after', projection: { _id: 1, ...RECORD_FIELDS }, writeConcern: journaledByNextWrite(this.certificates).writeConcern },
          )
          .lean<Certificate>()
          .exec();
        if (updated) return toCertificateRecord(updated);
      }
    } catch (error) {
      if (error instanceof CerthubError || isDuplicateKeyError(error)) throw error;
      return rethrowAsTransient(error);
    }
    throw new TransientError(`certificate ${certificateId} kept changing while being written; retrying later`);
  }

  private async record(owned: { _id: number; tenantId: string }): Promise<CertificateRecord> {
    const existing = await this.certificates.findOne(owned, RECORD_FIELDS).lean<Certificate>().exec();
    if (!existing) throw new CerthubError('NOT_FOUND', `Certificate ${owned._id} does not exist.`);
    return toCertificateRecord(existing);
  }

  /**
   * Creates the certificate and names the tenant's other certificates with its fingerprint (duplicateOf). The
   * look-up runs beside the write instead of after it: one database round trip less on the way to the answer.
   */
  async createNamingCopies(command: ValidCommand): Promise<{ record: CertificateRecord; duplicateOf: number[] }> {
    const fingerprint = command.verdict.parsed.metadata.fingerprintSha256;
    // One more than listed: the look-up may or may not already see the certificate being written.
    const [record, copies] = await Promise.all([this.create(command), this.withFingerprint(command.tenantId, fingerprint, DUPLICATE_IDS_LISTED + 1)]);
    return { record, duplicateOf: copies.filter((id) => id !== record.id).slice(0, DUPLICATE_IDS_LISTED) };
  }

  /** The tenant's certificates with this fingerprint, oldest (smallest id) first: an import of a copy succeeds, and its answer names them. */
  private async withFingerprint(tenantId: string, fingerprintSha256: string, limit: number): Promise<number[]> {
    try {
      const found = await this.certificates
        .find({ tenantId, 'metadata.fingerprintSha256': fingerprintSha256 }, { _id: 1 })
        .sort({ _id: 1 })
        .limit(limit)
        .lean()
        .exec();
      return found.map((certificate) => certificate._id);
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
