import {
  CerthubError,
  type CertificateOutcomeEvent,
  type CertificateParsedEvent,
  type CertificateRecord,
  type CertificateStoredEvent,
  type ParsedCertificate,
} from '@certhub/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { CertificateWriter } from '../certificates/certificate-writer.service';
import { CertificateLifecycle, type DeletedInfo } from '../lifecycle/certificate-lifecycle.service';
import { OutcomeStore } from '../outcomes/outcome-store.service';
import { OutcomePublisher } from './outcome.publisher';
import { PipelineMetrics } from './pipeline-metrics.service';

/**
 * Turns the parser's verdict into exactly one stored outcome per (tenant, request id) and publishes it.
 * Order matters for "processed once": look up an earlier outcome, write the certificate idempotently,
 * record the outcome (first writer wins), publish, and only then let the consumer acknowledge.
 */
@Injectable()
export class ParsedCertificateHandler {
  private readonly logger = new Logger(ParsedCertificateHandler.name);

  constructor(
    private readonly writer: CertificateWriter,
    private readonly outcomes: OutcomeStore,
    private readonly publisher: OutcomePublisher,
    private readonly metrics: PipelineMetrics,
    private readonly lifecycle: CertificateLifecycle,
  ) {}

  /** `delivery` names the hand-over message: the outcome published for it is deduplicated per message. */
  async handle(event: CertificateParsedEvent, delivery: { readonly stream: string; readonly sequence: number }): Promise<void> {
    const claim = await this.outcomes.claim(event.tenantId, event.requestId, event.contentHash);
    if (claim.state !== 'open') {
      // Answered again: the same content gets the first outcome; other content is refused and writes
      // nothing. Either way the answer carries the hash of the content it is about.
      const answer = claim.state === 'decided' ? claim.stored : { contentHash: event.contentHash, outcome: reusedRequestId(event) };
      await this.publisher.publish(answer, delivery, event.replyTo);
      return;
    }
    const decided = await this.decide(event);
    const { kept: stored, recordedHere } = await this.outcomes.settle(event.contentHash, decided);
    if (recordedHere) this.metrics.countOutcome(decided);
    await this.publisher.publish(stored, delivery, event.replyTo);
    this.logger.log(
      `request ${event.requestId} of tenant ${event.tenantId}: ${stored.outcome.outcome}` +
        (stored.outcome.outcome === 'rejected'
          ? ` (${stored.outcome.code})`
          : ` id ${stored.outcome.outcome === 'deleted' ? stored.outcome.certificateId : stored.outcome.certificate.id}`),
    );
  }

  private async decide(event: CertificateParsedEvent): Promise<CertificateOutcomeEvent> {
    const { verdict } = event;
    if (!verdict.ok) return rejected(event, verdict.code, verdict.message);
    const valid = { ...event, verdict: verdict as { ok: true; parsed: ParsedCertificate } };
    const certificateId = event.certificateId as number;
    try {
      switch (event.operation) {
        case 'create': {
          const { record, duplicateOf } = await this.writer.createNamingCopies(valid);
          return stored(event, record, duplicateOf);
        }
        case 'update':
          return stored(event, await this.writer.update(valid, certificateId));
        case 'delete':
          return deleted(event, await this.lifecycle.delete(event.tenantId, certificateId, event.requestId));
        case 'rollback': {
          const version = event.version as number;
          return { ...stored(event, await this.lifecycle.rollback(event.tenantId, certificateId, version, event.requestId)), restoredVersion: version };
        }
      }
    } catch (error) {
      if (error instanceof CerthubError) return rejected(event, error.code, error.message);
      throw error;
    }
  }
}

function base(event: CertificateParsedEvent) {
  return {
    requestId: event.requestId,
    tenantId: event.tenantId,
    operation: event.operation,
    decidedAt: new Date().toISOString(),
  };
}

function stored(event: CertificateParsedEvent, certificate: CertificateRecord, duplicateOf?: number[]): CertificateStoredEvent {
  if (event.operation === 'create') return { ...base(event), outcome: 'created', certificate, ...(duplicateOf !== undefined && { duplicateOf }) };
  // Every update is a new version; the event names it (a created certificate is always version 1).
  return { ...base(event), outcome: 'updated', certificate, version: certificate.revision };
}

function deleted(event: CertificateParsedEvent, info: DeletedInfo): CertificateOutcomeEvent {
  return { ...base(event), outcome: 'deleted', certificateId: info.certificateId, name: info.name, deletedAt: info.deletedAt.toISOString() };
}

function rejected(event: CertificateParsedEvent, code: CerthubError['code'], message: string): CertificateOutcomeEvent {
  return { ...base(event), outcome: 'rejected', code, message };
}

/** Not recorded: the request id keeps the outcome of the content it was first used with. */
function reusedRequestId(event: CertificateParsedEvent): CertificateOutcomeEvent {
  return rejected(
    event,
    'IDEMPOTENCY_KEY_REUSED',
    `Request id ${event.requestId} was already used for a different request; use a new request id.`,
  );
}
