import type { CertificateMetadata, ChainEntryMetadata, CommandOperation, EncryptedKeyEnvelope } from '@certhub/contracts';

/** The content of a certificate that a version holds, and which a rollback makes current again. */
export interface VersionContent {
  readonly certificatePem: string;
  readonly chainPem: string[];
  readonly trustedRootCaPem: string | null;
  readonly metadata: CertificateMetadata;
  readonly chain: ChainEntryMetadata[];
  readonly hostnames: string[];
  readonly notAfter: Date;
  /** Sealed by the parser when this version was uploaded; never opened by storage. */
  readonly privateKey: EncryptedKeyEnvelope;
}

/** One earlier version of a certificate, as kept in its `history`. */
export interface CertificateVersion extends VersionContent {
  readonly version: number;
  /** When it became current. */
  readonly recordedAt: Date;
  /** The request that made it current (null when unknown, for certificates stored before versions existed). */
  readonly requestId: string | null;
  readonly operation: CommandOperation;
  readonly restoredVersion?: number;
}
