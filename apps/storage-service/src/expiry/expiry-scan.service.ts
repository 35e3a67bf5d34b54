import type { StorageConfig } from '@certhub/config';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, Model } from 'mongoose';
import { STORAGE_CONFIG } from '../app/storage-config.token';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { toExpiringEvent, WATCHED_FIELDS, type WatchedCertificate } from './expiring-event';
import { ExpiringEventPublisher } from './expiring-event.publisher';
import { DAY_MS, expiryDecision } from './expiry-thresholds';

/** Certificates read per query: a scan over 100,000 certificates never holds more than this in memory. */
const BATCH_SIZE = 500;

/**
 * One pass over the certificates that crossed a threshold they were not announced for. Per certificate it
 * publishes first and records second: a crash in between repeats the publish on the next scan, which the
 * event's msg id makes a duplicate JetStream drops. Several instances may scan at once for the same reason;
 * recording is an $addToSet, so doing it twice changes nothing.
 */
@Injectable()
export class ExpiryScan {
  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    private readonly publisher: ExpiringEventPublisher,
  ) {}

  /** Returns how many events were published. */
  async run(now: Date): Promise<number> {
    let announced = 0;
    // Smallest first: a certificate found under 7 days is recorded for 14 and 30 too, so the later passes
    // no longer see it.
    for (const days of this.config.expiry.thresholdsDays) announced += await this.scanThreshold(days, now);
    return announced;
  }

  private async scanThreshold(thresholdDays: number, now: Date): Promise<number> {
    const due: QueryFilter<Certificate> = {
      notAfter: { $gt: now, $lte: new Date(now.getTime() + thresholdDays * DAY_MS) },
      expiryNotified: { $ne: thresholdDays },
    };
    let announced = 0;
    // Keyset pagination on (notAfter, _id): certificates drop out of `due` as they are recorded, but one whose
    // update is refused (renewed meanwhile) must not be read again and again.
    let last: WatchedCertificate | undefined;
    for (;;) {
      const batch = await this.certificates
        .find(last ? { ...due, $or: [{ notAfter: { $gt: last.notAfter } }, { notAfter: last.notAfter, _id: { $gt: last._id } }] } : due)
        .select(WATCHED_FIELDS)
        .sort({ notAfter: 1, _id: 1 })
        .limit(BATCH_SIZE)
        .lean<WatchedCertificate[]>()
        .exec();
      for (const certificate of batch) announced += await this.process(certificate, now);
      if (batch.length < BATCH_SIZE) return announced;
      last = batch[batch.length - 1];
    }
  }

  private async process(certificate: WatchedCertificate, now: Date): Promise<number> {
    const decision = expiryDecision(this.config.expiry.thresholdsDays, certificate.notAfter.getTime(), now.getTime(), certificate.expiryNotified ?? []);
    if (decision.announce !== null) await this.publisher.publish(toExpiringEvent(certificate, decision.announce, now));
    if (decision.mark.length > 0) {
      // Matching notAfter too: if the certificate was updated since it was read, its new validity starts with
      // nothing announced, and these thresholds belong to the old one.
      await this.certificates
        .updateOne({ _id: certificate._id, notAfter: certificate.notAfter }, { $addToSet: { expiryNotified: { $each: [...decision.mark] } } })
        .exec();
    }
    return decision.announce === null ? 0 : 1;
  }
}
