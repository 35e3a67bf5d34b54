import type { ErrorCode } from '../error-codes';
import type { CertificateMetadata, ChainEntryMetadata } from '../models/certificate-metadata';

/** The upload field a problem is about (the certhub API's body fields). */
export type UploadField = 'certificate' | 'privateKey' | 'chain' | 'trustedRootCa' | 'pkcs12' | 'passphrase';

/** Problems that do not stop an import but that a dry run reports. */
export const UploadWarningCodes = ['CERT_EXPIRES_SOON', 'CHAIN_INCOMPLETE'] as const;
export type UploadWarningCode = (typeof UploadWarningCodes)[number];

/**
 * One problem of an upload. `error`s are what an import is refused for (the first one found is its answer);
 * `warning`s are accepted but worth fixing. `message` says how to fix it.
 */
export interface UploadProblem {
  readonly code: ErrorCode | UploadWarningCode;
  readonly severity: 'error' | 'warning';
  readonly field: UploadField;
  readonly message: string;
}

/**
 * Core NATS request on `certhub.inspect.validate`, answered by the parser: the upload of a
 * `certificate.create` command (CertificateMaterial), checked and stored nowhere. It carries a clear key, so
 * only the gateway may send it and only the parser may read it (docs/security.md).
 */
export interface CertificateValidateReply {
  /** True when the upload has no `error` problem: an import of it would be accepted. */
  readonly valid: boolean;
  /** Every problem found, in form order. */
  readonly problems: readonly UploadProblem[];
  /** What would be stored, when the certificate could be read (even if other fields have problems). */
  readonly metadata: CertificateMetadata | null;
  readonly chain: readonly ChainEntryMetadata[];
  /** Set when the request was refused (bad shape); nothing was checked. */
  readonly error?: string;
}
