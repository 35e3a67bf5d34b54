import type { CertificateOutcomeEvent } from '@certhub/contracts';

/**
 * Whether an outcome for a request's (tenant, request id) settles a request that sent `contentHash`.
 * Two requests may share an Idempotency-Key with different bodies, concurrently; storage answers the first
 * with its outcome and the second with IDEMPOTENCY_KEY_REUSED, each carrying its own content's hash.
 * - Same hash (or none, from before hashes were sent): it is this request's answer.
 * - Another hash, and the key was decided for that content: this request reused the key (the caller turns
 *   the hash mismatch into 409).
 * - Another hash on an IDEMPOTENCY_KEY_REUSED refusal: the other request's answer, not this one's.
 */
export function answersWaiter(outcome: CertificateOutcomeEvent, contentHash: string): boolean {
  if (outcome.contentHash === undefined || outcome.contentHash === contentHash) return true;
  return !(outcome.outcome === 'rejected' && outcome.code === 'IDEMPOTENCY_KEY_REUSED');
}
