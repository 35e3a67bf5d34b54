import type { CertificateRecord } from '@certhub/contracts';
import type { Certificate } from './schemas/certificate.schema';
import { servedHostnames } from './served-hostnames';

/** Huawei SCM ids are 16 characters: "scs" and 13 digits. */
export function scmIdOf(id: number): string {
  return `scs${String(id).padStart(13, '0')}`;
}

/** What toCertificateRecord reads: never the sealed key, nor the bookkeeping that grows with the certificate. */
export const RECORD_FIELDS = {
  uid: 1, tenantId: 1, name: 1, labels: 1, tags: 1, certificatePem: 1, chainPem: 1, trustedRootCaPem: 1,
  metadata: 1, chain: 1, revision: 1, createdAt: 1, updatedAt: 1,
} as const;

/** The public view of a stored certificate: everything but the sealed key and bookkeeping. */
export function toCertificateRecord(doc: Certificate): CertificateRecord {
  return {
    id: doc._id,
    uid: doc.uid,
    scmId: scmIdOf(doc._id),
    tenantId: doc.tenantId,
    name: doc.name,
    labels: { ...doc.labels },
    // Certificates stored before tags existed have none.
    tags: { ...(doc.tags ?? {}) },
    certificatePem: doc.certificatePem,
    chainPem: [...doc.chainPem],
    hasTrustedRootCa: doc.trustedRootCaPem !== null,
    metadata: doc.metadata,
    chain: doc.chain,
    revision: doc.revision,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/** The stored form of tags for the tag index: "key:value" per tag. */
export function tagPairsOf(tags: Readonly<Record<string, string>>): string[] {
  return Object.entries(tags).map(([key, value]) => `${key}:${value}`);
}

/** The host names the certificate serves (served-hostnames.ts), as stored for hostname look-ups. */
export function hostnamesOf(metadata: Certificate['metadata']): string[] {
  return servedHostnames(metadata.commonName, metadata.subjectAltNames.dns);
}
