import type { ErrorCode } from '../error-codes';
import type { CertificateRecord } from '../models/certificate-record';
import type { CommandOperation } from './certificate-command.events';

interface OutcomeBase {
  readonly requestId: string;
  readonly tenantId: string;
  readonly operation: CommandOperation;
  /** When the storage service decided the outcome (ISO 8601). */
  readonly decidedAt: string;
  /**
   * What the answered command asked for (commandContentHash). A request id reused for different content is
   * answered IDEMPOTENCY_KEY_REUSED with the refused content's hash, so each waiter can tell its own answer
   * from that of a concurrent request with the same id. Absent on outcomes stored before it existed.
   */
  readonly contentHash?: string;
}

/** `certificate.created` / `certificate.updated`: the certificate is stored. */
export interface CertificateStoredEvent extends OutcomeBase {
  readonly outcome: 'created' | 'updated';
  readonly certificate: CertificateRecord;
  /** `updated` only: the version this request made current (the certificate's `revision` then); a rollback is a new version too. */
  readonly version?: number;
  /** Set on `updated` by a rollback: the earlier version whose content became current again. */
  readonly restoredVersion?: number;
  /**
   * On a create: the ids of the tenant's other certificates with the same SHA-256 fingerprint when it was
   * stored (at most DUPLICATE_IDS_LISTED). The import still succeeds; this only says it is a copy.
   */
  readonly duplicateOf?: readonly number[];
}

/** `certificate.deleted`: the certificate is gone from every read, its name is free again. */
export interface CertificateDeletedEvent extends OutcomeBase {
  readonly outcome: 'deleted';
  readonly certificateId: number;
  readonly name: string;
  /** When the certificate was first deleted: a repeated delete is answered with the same moment. */
  readonly deletedAt: string;
}

/** How many ids `duplicateOf` names at most. */
export const DUPLICATE_IDS_LISTED = 20;

/** `certificate.rejected`: nothing was stored; `code` is from the error catalogue. */
export interface CertificateRejectedEvent extends OutcomeBase {
  readonly outcome: 'rejected';
  readonly code: ErrorCode;
  readonly message: string;
}

export type CertificateOutcomeEvent = CertificateStoredEvent | CertificateDeletedEvent | CertificateRejectedEvent;
