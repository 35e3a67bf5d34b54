import type { CertificateSummary } from '@certhub/contracts';
import { scmIdOf } from '../certificates/certificate-record.mapper';
import type { Certificate } from '../certificates/schemas/certificate.schema';

/** The fields a listing reads: never the PEMs or the sealed key. */
export type SummarizedCertificate = Pick<Certificate, '_id' | 'uid' | 'name' | 'hostnames' | 'notAfter' | 'labels'> & {
  readonly tags?: Certificate['tags'];
  readonly metadata: Pick<Certificate['metadata'], 'notBefore' | 'commonName'>;
};

export const SUMMARY_FIELDS = {
  _id: 1,
  uid: 1,
  name: 1,
  hostnames: 1,
  notAfter: 1,
  labels: 1,
  tags: 1,
  'metadata.notBefore': 1,
  'metadata.commonName': 1,
} as const;

export function toCertificateSummary(doc: SummarizedCertificate): CertificateSummary {
  return {
    id: doc._id,
    uid: doc.uid,
    scmId: scmIdOf(doc._id),
    name: doc.name,
    hostnames: [...doc.hostnames],
    notBefore: new Date(doc.metadata.notBefore).toISOString(),
    notAfter: doc.notAfter.toISOString(),
    commonName: doc.metadata.commonName,
    labels: { ...doc.labels },
    tags: { ...(doc.tags ?? {}) },
  };
}
