import { Subjects, type CertificateOutcomeEvent } from '@certhub/contracts';
import { JETSTREAM, publishJson, TransientError } from '@certhub/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { JetStreamClient } from 'nats';

const SUBJECT_BY_OUTCOME = {
  created: Subjects.certificateCreated,
  updated: Subjects.certificateUpdated,
  rejected: Subjects.certificateRejected,
} as const;

@Injectable()
export class OutcomePublisher {
  constructor(@Inject(JETSTREAM) private readonly js: JetStreamClient) {}

  /** Publishes (or re-publishes: the msg id makes JetStream keep one copy) the outcome of a command. */
  async publish(outcome: CertificateOutcomeEvent): Promise<void> {
    try {
      await publishJson(this.js, SUBJECT_BY_OUTCOME[outcome.outcome], outcome, {
        msgId: `outcome:${outcome.tenantId}:${outcome.requestId}`,
      });
    } catch (error) {
      throw new TransientError(`could not publish outcome: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

