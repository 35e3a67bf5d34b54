/**
 * `certificate.expiring` (stream CERTHUB_OUTCOMES): a stored certificate came within `thresholdDays` of its
 * notAfter. Published once per certificate per threshold (Nats-Msg-Id
 * `expiring:<tenantId>:<certificateId>:<thresholdDays>:<notAfter ms>`); an update of the certificate re-arms
 * every threshold. When several thresholds are crossed at once only the smallest is announced.
 */
export interface CertificateExpiringEvent {
  readonly tenantId: string;
  readonly certificateId: number;
  readonly uid: string;
  readonly scmId: string;
  readonly name: string;
  /** Lower-cased CN and DNS SANs. */
  readonly hostnames: readonly string[];
  /** ISO 8601. */
  readonly notAfter: string;
  readonly thresholdDays: number;
  /** Whole days left when the scan saw it, rounded down (0 = less than a day). */
  readonly daysLeft: number;
  /** ISO 8601. */
  readonly detectedAt: string;
}
