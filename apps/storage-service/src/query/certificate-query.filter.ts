import type { QueryFilter } from 'mongoose';
import type { Certificate } from '../certificates/schemas/certificate.schema';
import { DAY_MS } from '../expiry/expiry-thresholds';
import type { CertificateQuery } from './certificate-query.request';
import { hostnameCandidates } from './hostname-match';

/**
 * The MongoDB filter for a checked query. The tenant is always part of it: no combination of parameters
 * reaches another tenant's certificates. The expiry window has no lower bound, so certificates that already
 * expired (and may still be deployed) are listed first.
 */
export function certificateQueryFilter(query: CertificateQuery, now: Date): QueryFilter<Certificate> {
  const { after } = query;
  return {
    tenantId: query.tenantId,
    ...(query.hostname !== null && { hostnames: { $in: hostnameCandidates(query.hostname) } }),
    ...(query.expiresWithinDays !== null && { notAfter: { $lte: new Date(now.getTime() + query.expiresWithinDays * DAY_MS) } }),
    // Anchored and escaped: the prefix is matched as text, never as a pattern the caller wrote.
    ...(query.namePrefix !== null && { name: { $regex: `^${escapeRegExp(query.namePrefix)}` } }),
    ...(query.fingerprint !== null && { 'metadata.fingerprintSha256': query.fingerprint }),
    // Every pair must be among the certificate's (AND); the first one narrows through tenant_tags_not_after.
    ...(query.tags.length > 0 && { tagPairs: { $all: [...query.tags] } }),
    ...(after !== null && { $or: [{ notAfter: { $gt: after.notAfter } }, { notAfter: after.notAfter, _id: { $gt: after.id } }] }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
