import type { CertificateOutcomeEvent } from '@certhub/contracts';
import { toCertificateRecord } from '../certificates/certificate-record.mapper';
import type { Certificate } from '../certificates/schemas/certificate.schema';
import type { OutcomeDecision } from './schemas/request-outcome.schema';

/** The decision of an outcome, as its record keeps it. */
export function summarizeOutcome(outcome: CertificateOutcomeEvent): OutcomeDecision {
  const { operation, decidedAt } = outcome;
  switch (outcome.outcome) {
    case 'rejected':
      return { outcome: 'rejected', operation, decidedAt, code: outcome.code, message: outcome.message };
    case 'deleted':
      return { outcome: 'deleted', operation, decidedAt, certificateId: outcome.certificateId, name: outcome.name, deletedAt: outcome.deletedAt };
    default:
      return {
        outcome: outcome.outcome,
        operation,
        decidedAt,
        certificateId: outcome.certificate.id,
        revision: outcome.certificate.revision,
        ...(outcome.restoredVersion !== undefined && { restoredVersion: outcome.restoredVersion }),
        ...(outcome.duplicateOf !== undefined && { duplicateOf: [...outcome.duplicateOf] }),
      };
  }
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
  // A delete's answer needs no certificate: it is the same however often it is asked.
  if (decision.outcome === 'deleted') {
    return { ...base, outcome: 'deleted', certificateId: decision.certificateId, name: decision.name, deletedAt: decision.deletedAt };
  }
  if (!certificate) {
    return { ...base, outcome: 'rejected', code: 'NOT_FOUND', message: `Certificate ${decision.certificateId} was deleted after this request stored it.` };
  }
  return {
    ...base,
    outcome: decision.outcome,
    certificate: toCertificateRecord(certificate),
    // The version this request made, even when a later write moved the certificate on.
    ...(decision.outcome === 'updated' && { version: decision.revision }),
    ...(decision.restoredVersion !== undefined && { restoredVersion: decision.restoredVersion }),
    ...(decision.duplicateOf !== undefined && { duplicateOf: [...decision.duplicateOf] }),
  };
}
