import type { CertificateExpiringEvent } from '@certhub/contracts';
import { scmIdOf } from '../certificates/certificate-record.mapper';
import type { Certificate } from '../certificates/schemas/certificate.schema';
import { daysLeft } from './expiry-thresholds';

/** The fields the scan reads: never the PEMs or the sealed key. */
export type WatchedCertificate = Pick<Certificate, '_id' | 'tenantId' | 'uid' | 'name' | 'hostnames' | 'notAfter' | 'expiryNotified' | 'expiryCheckAt'>;

export const WATCHED_FIELDS = { _id: 1, tenantId: 1, uid: 1, name: 1, hostnames: 1, notAfter: 1, expiryNotified: 1, expiryCheckAt: 1 } as const;

export function toExpiringEvent(doc: WatchedCertificate, thresholdDays: number, now: Date): CertificateExpiringEvent {
  return {
    tenantId: doc.tenantId,
    certificateId: doc._id,
    uid: doc.uid,
    scmId: scmIdOf(doc._id),
    name: doc.name,
    hostnames: [...doc.hostnames],
    notAfter: doc.notAfter.toISOString(),
    thresholdDays,
    daysLeft: daysLeft(doc.notAfter.getTime(), now.getTime()),
    detectedAt: now.toISOString(),
  };
}

/**
 * The same certificate, threshold and validity always give the same id, so JetStream keeps one copy when two
 * instances scan at once or a scan repeats after a crash between publishing and recording. notAfter is part
 * of it so that a renewed certificate's announcements are new messages.
 */
export function expiringMsgId(event: CertificateExpiringEvent): string {
  return `expiring:${event.tenantId}:${event.certificateId}:${event.thresholdDays}:${Date.parse(event.notAfter)}`;
}
