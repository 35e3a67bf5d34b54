import type { CertificateVersionSummary, CommandOperation } from '@certhub/contracts';
import type { Certificate } from './schemas/certificate.schema';
import type { CertificateVersion, VersionContent } from './schemas/certificate-version';

/** What the version functions read of a stored certificate: the current content, its bookkeeping and history. */
export type VersionedCertificate = Pick<
  Certificate,
  | 'certificatePem' | 'chainPem' | 'trustedRootCaPem' | 'metadata' | 'chain' | 'hostnames' | 'notAfter' | 'privateKey'
  | 'revision' | 'updatedAt' | 'createdByRequestId' | 'appliedRequestIds' | 'revisionOperation' | 'restoredVersion'
> & { readonly history?: CertificateVersion[] };

/** The projection that reads exactly a VersionedCertificate. */
export const VERSIONED_FIELDS = {
  certificatePem: 1, chainPem: 1, trustedRootCaPem: 1, metadata: 1, chain: 1, hostnames: 1, notAfter: 1, privateKey: 1,
  revision: 1, updatedAt: 1, createdByRequestId: 1, appliedRequestIds: 1, revisionOperation: 1, restoredVersion: 1, history: 1,
} as const;

export function contentOf(doc: VersionContent): VersionContent {
  return {
    certificatePem: doc.certificatePem,
    chainPem: [...doc.chainPem],
    trustedRootCaPem: doc.trustedRootCaPem,
    metadata: doc.metadata,
    chain: [...doc.chain],
    hostnames: [...doc.hostnames],
    notAfter: doc.notAfter,
    privateKey: doc.privateKey,
  };
}

/** The current content of a certificate as the version it is, to be pushed onto its history by the next write. */
export function currentVersionOf(doc: VersionedCertificate): CertificateVersion {
  // Every write appends its request id, so the last one made the current revision.
  const requestId = doc.appliedRequestIds.at(-1) ?? (doc.revision === 1 ? doc.createdByRequestId : null);
  const operation: CommandOperation = doc.revisionOperation ?? (doc.revision === 1 ? 'create' : 'update');
  return {
    ...contentOf(doc),
    version: doc.revision,
    recordedAt: new Date(doc.updatedAt),
    requestId,
    operation,
    ...(doc.restoredVersion !== undefined && { restoredVersion: doc.restoredVersion }),
  };
}

/** Every kept version, the current one included, newest first. */
export function keptVersions(doc: VersionedCertificate): CertificateVersion[] {
  return [currentVersionOf(doc), ...[...(doc.history ?? [])].reverse()];
}

export function toVersionSummary(version: CertificateVersion, currentVersion: number): CertificateVersionSummary {
  return {
    version: version.version,
    current: version.version === currentVersion,
    fingerprintSha256: version.metadata.fingerprintSha256,
    notBefore: new Date(version.metadata.notBefore).toISOString(),
    notAfter: new Date(version.notAfter).toISOString(),
    recordedAt: new Date(version.recordedAt).toISOString(),
    requestId: version.requestId,
    operation: version.operation,
    ...(version.restoredVersion !== undefined && { restoredVersion: version.restoredVersion }),
  };
}

/** How many earlier versions a certificate's history holds when `kept` versions are kept in all. */
export function historySlice(kept: number): number {
  return -(kept - 1);
}
