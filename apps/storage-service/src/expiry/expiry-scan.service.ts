import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { toExpiringEvent, WATCHED_FIELDS, type WatchedCertificate } from './expiring-event';
import { ExpiringEventPublisher } from './expiring-event.publisher';
import { expiryDecision, nextCheckAt } from './expiry-thresholds';

/** Certificates read per query: a scan over any number of due certificates never holds more than this in memory. */
const BATCH_SIZE = 500;

/** What one scan did: events published, and certificates read (its whole footprint on the database). */
export interface ExpiryScanReport {
  readonly announced: number;
  readonly examined: number;
}

/**
 * One pass over the certificates whose `expiryCheckAt` has come, through the `expiry_check` index: new and
 * updated ones (the writer sets the epoch) and those crossing their next unrecorded threshold. Each is read
 * once: after it the certificate's next check lies in the future (or is removed), so a certificate 60 days
 * from expiry costs nothing until its 30-day threshold comes, however often the scan runs.
 *
 * Per certificate it publishes first and records second: a crash in between repeats the publish on the next
 * scan, which the event's msg id makes a duplicate JetStream drops. Several instances may scan at once for
 * the same reason; recording is conditional on the certificate being as it was read, so the second one
 * changes nothing.
 */
@Injectable()
export class ExpiryScan {
  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    private readonly publisher: ExpiringEventPublisher,
  ) {}

  async run(now: Date): Promise<ExpiryScanReport> {
    let announced = 0;
    let examined = 0;
    // Keyset pagination on the index order (expiryCheckAt, _id): a certificate whose recording is refused
    // (updated meanwhile) stays due, and must not be read again and again in this pass.
    let last: WatchedCertificate | undefined;
    for (;;) {
      const batch = await this.certificates
        .find(this.dueAfter(now, last))
        .select(WATCHED_FIELDS)
        .sort({ expiryCheckAt: 1, _id: 1 })
        .limit(BATCH_SIZE)
        .lean<WatchedCertificate[]>()
        .exec();
      examined += batch.length;
      for (const certificate of batch) announced += await this.process(certificate, now);
      if (batch.length < BATCH_SIZE) return { announced, examined };
      last = batch[batch.length - 1];
    }
  }

  /** Due now and after `last` in index order; the range on expiryCheckAt is what the index is searched by. */
  private dueAfter(now: Date, last: WatchedCertificate | undefined): QueryFilter<Certificate> {
    if (!last?.expiryCheckAt) return { expiryCheckAt: { $lte: now } };
    return {
      expiryCheckAt: { $gte: last.expiryCheckAt, $lte: now },
      $or: [{ expiryCheckAt: { $gt: last.expiryCheckAt } }, { _id: { $gt: last._id } }],
    };
  }

  private async process(certificate: WatchedCertificate, now: Date): Promise<number> {
    const thresholds = this.config.expiry.thresholdsDays;
    const notAfterMs = certificate.notAfter.getTime();
    const notified = certificate.expiryNotified ?? [];
    const decision = expiryDecision(thresholds, notAfterMs, now.getTime(), notified);
    if (decision.announce !== null) await this.publisher.publish(toExpiringEvent(certificate, decision.announce, now));
    const next = nextCheckAt(thresholds, notAfterMs, now.getTime(), [...notified, ...decision.mark]);
    // Only if the certificate is still the one read: an update in between gave it a new validity, emptied
    // its thresholds and made it due again, and these belong to the old one.
    await this.certificates
      .updateOne(
        { _id: certificate._id, notAfter: certificate.notAfter, expiryCheckAt: certificate.expiryCheckAt },
        {
          ...(decision.mark.length > 0 ? { $addToSet: { expiryNotified: { $each: [...decision.mark] } } } : {}),
          ...(next === null ? { $unset: { expiryCheckAt: 1 } } : { $set: { expiryCheckAt: new Date(next) } }),
        },
        // Bookkeeping of the watch, not a change of the certificate: updatedAt stays.
        { timestamps: false },
      )
      .exec();
    return decision.announce === null ? 0 : 1;
  }
}
