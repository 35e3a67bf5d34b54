import type { CertificateMetadata, ChainEntryMetadata } from './certificate-metadata';

/**
 * A stored certificate as the outcome events and read APIs expose it. It never contains the private key.
 * One record serves every dialect: `id` is the integer id (Rainbond id, Alibaba CertId), `uid` the 32-hex id
 * (Huawei APIG) and `scmId` the 16-character id (Huawei SCM).
 */
export interface CertificateRecord {
  readonly id: number;
  readonly uid: string;
  readonly scmId: string;
  readonly tenantId: string;
  readonly name: string;
  /** Dialect-specific attributes kept verbatim (e.g. Rainbond certificate_type, APIG type/instance_id). */
  readonly labels: Readonly<Record<string, string>>;
  /** Searchable key/value pairs (certhub API `tags`, command `tags`); `{}` when none. */
  readonly tags: Readonly<Record<string, string>>;
  readonly certificatePem: string;
  readonly chainPem: readonly string[];
  readonly hasTrustedRootCa: boolean;
  readonly metadata: CertificateMetadata;
  readonly chain: readonly ChainEntryMetadata[];
  /** The current version's number (GET …/versions): 1 at creation, incremented by every update and rollback. */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
