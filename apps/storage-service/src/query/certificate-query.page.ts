import { CertificateQueryLimits, fitReplyBudget, jsonBytes, type CertificateQueryReply } from '@certhub/contracts';
import { toCertificateSummary, type SummarizedCertificate } from './certificate-summary.mapper';
import { encodeCursor } from './query-cursor';

/** The reply around the certificates, with the longest cursor a page can carry. */
const EMPTY_REPLY_BYTES = jsonBytes({ certificates: [], next: 'x'.repeat(CertificateQueryLimits.maxCursorLength) });

/**
 * One page out of the documents read in (notAfter, id) order, one past `limit`: at most `limit`
 * certificates, and no more than fit the reply budget (hostnames and labels make summaries uneven in size).
 * `next` points after the last certificate shown whenever any was left out, by count or by size.
 */
export function certificateQueryPage(found: readonly SummarizedCertificate[], limit: number, budgetBytes?: number): CertificateQueryReply {
  const { page, more } = fitReplyBudget(found.map(toCertificateSummary), { limit, emptyReplyBytes: EMPTY_REPLY_BYTES, budgetBytes });
  const last = found[page.length - 1];
  const next = more && last ? encodeCursor({ notAfter: last.notAfter, id: last._id }) : null;
  return { certificates: page, next };
}
