import type { ErrorCode } from '../error-codes';
import type { CertificateMetadata, ChainEntryMetadata } from '../models/certificate-metadata';
import type { EncryptedKeyEnvelope } from '../models/encrypted-key';
import type { CommandOperation } from './certificate-command.events';

/** What the parser learned from a valid certificate and key. The key is already sealed. */
export interface ParsedCertificate {
  readonly certificatePem: string;
  readonly chainPem: readonly string[];
  readonly trustedRootCaPem: string | null;
  readonly metadata: CertificateMetadata;
  readonly chain: readonly ChainEntryMetadata[];
  readonly privateKey: EncryptedKeyEnvelope;
}

/**
 * `certhub.pipeline.parsed`: the parser's verdict on one command, handed to the storage service, which owns
 * every outcome (it records rejections too, so a retried request id gets the same answer).
 */
export interface CertificateParsedEvent {
  readonly requestId: string;
  readonly tenantId: string;
  readonly operation: CommandOperation;
  readonly certificateId: number | null;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The command's `tags`; absent on hand-overs from parsers that predate them. */
  readonly tags?: Readonly<Record<string, string>>;
  /** commandContentHash(): the command's content without the key, to detect a request id reused for other content. */
  readonly contentHash: string;
  /** The command's replyTo: storage sends the outcome there too (core NATS). */
  readonly replyTo?: string;
  /** `rollback` only: the version to make current again. */
  readonly version?: number;
  /** `parsed` is null for `delete` and `rollback`, which upload nothing: they pass the parser unchanged. */
  readonly verdict:
    | { readonly ok: true; readonly parsed: ParsedCertificate }
    | { readonly ok: true; readonly parsed: null }
    | { readonly ok: false; readonly code: ErrorCode; readonly message: string };
}
