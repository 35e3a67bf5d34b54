import type { CommandOperation } from '../subjects';
import { TenantCertificateRequest } from './certificate-get';

/** Core NATS request on `certhub.rpc.certificates.versions`: the kept versions of one certificate of one tenant. */
export class CertificateVersionsRequest extends TenantCertificateRequest {}

/** One kept version: what identifies its content, and which request made it current, when. */
export interface CertificateVersionSummary {
  readonly version: number;
  readonly current: boolean;
  readonly fingerprintSha256: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** When this version became current. */
  readonly recordedAt: string;
  /** The request (Idempotency-Key or bus requestId) that made it current, and its operation. */
  readonly requestId: string | null;
  readonly operation: CommandOperation;
  /** For a version made by a rollback: the version it restored. */
  readonly restoredVersion?: number;
}

export interface CertificateVersionsReply {
  /** Null when the tenant has no certificate with this id (deleted, another tenant's, or never existing). */
  readonly versions: { readonly certificateId: number; readonly currentVersion: number; readonly items: readonly CertificateVersionSummary[] } | null;
  readonly error?: string;
}
