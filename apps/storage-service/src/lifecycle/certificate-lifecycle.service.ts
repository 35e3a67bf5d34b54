import type { StorageConfig } from '@certhub/config';
import { CerthubError, type CertificateRecord } from '@certhub/contracts';
import { TransientError } from '@certhub/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CertificateWriter } from '../certificates/certificate-writer.service';
import { contentOf, keptVersions } from '../certificates/certificate-versions';
import { Certificate, EXPIRY_CHECK_ON_NEXT_SCAN } from '../certificates/schemas/certificate.schema';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { rethrowAsTransient } from '../database/mongo-errors';
import { ExpiryMetrics } from '../expiry/expiry-metrics.service';
import { DeletedCertificate } from './schemas/deleted-certificate.schema';

/** What a delete answers, the first time and every time after. */
export interface DeletedInfo {
  readonly certificateId: number;
  readonly name: string;
  readonly deletedAt: Date;
}

const MAX_CONCURRENT_WRITE_ATTEMPTS = 16;

/** Delete and rollback of a stored certificate, each idempotent per request id like create and update. */
@Injectable()
export class CertificateLifecycle {
  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(DeletedCertificate.name) private readonly deleted: Model<DeletedCertificate>,
    private readonly writer: CertificateWriter,
    private readonly expiryMetrics: ExpiryMetrics,
  ) {}

  /**
   * Keeps a tombstone first and removes the certificate second, only while it is still the revision copied:
   * a crash in between leaves both, and the redelivery finishes the job; an update in between is copied
   * again. Deleting what the tombstone says is deleted answers the same (idempotent); an id the tenant never
   * had, or another tenant's, is NOT_FOUND.
   */
  async delete(tenantId: string, certificateId: number, requestId: string, now = new Date()): Promise<DeletedInfo> {
    const owned = { _id: certificateId, tenantId };
    try {
      for (let attempt = 0; attempt < MAX_CONCURRENT_WRITE_ATTEMPTS; attempt++) {
        const current = await this.certificates.findOne(owned).lean<Certificate>().exec();
        if (!current) {
          const tombstone = await this.deleted.findOne(owned, { name: 1, deletedAt: 1 }).lean<DeletedCertificate>().exec();
          if (!tombstone) throw new CerthubError('NOT_FOUND', `Certificate ${certificateId} does not exist.`);
          return { certificateId, name: tombstone.name, deletedAt: tombstone.deletedAt };
        }
        const tombstone = await this.deleted
          .findOneAndUpdate(
            owned,
            {
              $set: { name: current.name, certificate: current },
              $setOnInsert: { deletedAt: now, deletedByRequestId: requestId, keysDestroyAt: new Date(now.getTime() + this.config.lifecycle.deletedKeyRetentionMs) },
            },
            { upsert: true, returnDocument: 'after', projection: { deletedAt: 1 } },
          )
          .lean<DeletedCertificate>()
          .exec();
        const removed = await this.certificates.deleteOne({ ...owned, revision: current.revision }).exec();
        if (removed.deletedCount === 1) {
          await this.expiryMetrics.forget(tenantId, certificateId);
          return { certificateId, name: current.name, deletedAt: tombstone?.deletedAt ?? now };
        }
      }
    } catch (error) {
      if (error instanceof CerthubError) throw error;
      return rethrowAsTransient(error);
    }
    throw new TransientError(`certificate ${certificateId} kept changing while being deleted; retrying later`);
  }

  /**
   * Makes version `version`'s content (certificate, chain, sealed key) current as a new version; name and
   * labels stay as they are. A version no longer kept is NOT_FOUND; one that has expired is refused, as an
   * upload of it would be.
   */
  rollback(tenantId: string, certificateId: number, version: number, requestId: string, now = new Date()): Promise<CertificateRecord> {
    return this.writer.replace(tenantId, certificateId, requestId, {
      operation: 'rollback',
      restoredVersion: version,
      contentFor: (current) => {
        const kept = keptVersions(current);
        const target = kept.find((candidate) => candidate.version === version);
        if (!target) {
          const versions = kept.map((candidate) => candidate.version);
          throw new CerthubError('NOT_FOUND', `Version ${version} of certificate ${certificateId} is not kept; the kept versions are ${Math.min(...versions)} to ${Math.max(...versions)}.`);
        }
        if (new Date(target.notAfter).getTime() <= now.getTime()) {
          throw new CerthubError('CERT_EXPIRED', `Version ${version} expired at ${new Date(target.notAfter).toISOString()}; roll back to a version still valid, or upload a new certificate.`);
        }
        // New content, as far as the expiry watch is concerned: announced again, looked at on the next scan.
        return { ...contentOf(target), expiryNotified: [], expiryCheckAt: EXPIRY_CHECK_ON_NEXT_SCAN };
      },
    });
  }
}
