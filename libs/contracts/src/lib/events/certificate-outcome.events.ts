import type { ErrorCode } from '../error-codes';
import type { CertificateRecord } from '../models/certificate-record';
import type { CommandOperation } from './certificate-command.events';

interface OutcomeBase {
  readonly requestId: string;
  readonly tenantId: string;
  readonly operation: CommandOperation;
  /** When the storage service decided the outcome (ISO 8601). */
  readonly decidedAt: string;
}

/** `certificate.created` / `certificate.updated`: the certificate is stored. */
export interface CertificateStoredEvent extends OutcomeBase {
  readonly outcome: 'created' | 'updated';
  readonly certificate: CertificateRecord;
}

/** `certificate.rejected`: nothing was stored; `code` is from the error catalogue. */
export interface CertificateRejectedEvent extends OutcomeBase {
  readonly outcome: 'rejected';
  readonly code: ErrorCode;
  readonly message: string;
}

export type CertificateOutcomeEvent = CertificateStoredEvent | CertificateRejectedEvent;
