import type { CertificateOutcomeEvent } from '@certhub/contracts';
import { toCertificateRecord } from '../certificates/certificate-record.mapper';
import type { Certificate } from '../certificates/schemas/certificate.schema';
import type { OutcomeDecision } from './schemas/request-outcome.schema';

/** The decision of an outcome, as its record keeps it. */
export function summarizeOutcome(outcome: CertificateOutcomeEvent): OutcomeDecision {
  const { operation, decidedAt } = outcome;
  return outcome.outcome === 'rejected'
    ? { outcome: 'rejected', operation, decidedAt, code: outcome.code, message: outcome.message }
    : {
        outcome: outcome.outcome,
        operation,
        decidedAt,
        certificateId: outcome.certificate.id,
        revision: outcome.certificate.revision,
        ...(outcome.duplicateOf !== undefined && { duplicateOf: [...outcome.duplicateOf] }),
      };
}

/**
 * The outcome a decision stands for, with the certificate as stored now: the very first answer while the
 * certificate is at the revision this request left, and the certificate as it is now once a later update
 * moved it on (docs/events.md, "Retries"). A certificate deleted since is answered NOT_FOUND.
 */
export function expandDecision(
  request: { readonly tenantId: string; readonly requestId: string },
  decision: OutcomeDecision,
  certificate: Certificate | null,
): CertificateOutcomeEvent {
  const { operation, decidedAt } = decision;
  const base = { requestId: request.requestId, tenantId: request.tenantId, operation, decidedAt };
  if (decision.outcome === 'rejected') return { ...base, outcome: 'rejected', code: decision.code, message: decision.message };
  if (!certificate) {
    return { ...base, outcome: 'rejected', code: 'NOT_FOUND', message: `Certificate ${decision.certificateId} was deleted after this request stored it.` };
  }
  const duplicateOf = decision.duplicateOf !== undefined ? { duplicateOf: [...decision.duplicateOf] } : {};
  return { ...base, outcome: decision.outcome, certificate: toCertificateRecord(certificate), ...duplicateOf };
}
