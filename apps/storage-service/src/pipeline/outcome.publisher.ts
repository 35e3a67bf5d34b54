import { eventSubject, type CertificateOutcomeEvent } from '@certhub/contracts';
import { JETSTREAM, publishJson, TransientError } from '@certhub/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { JetStreamClient } from 'nats';

@Injectable()
export class OutcomePublisher {
  constructor(@Inject(JETSTREAM) private readonly js: JetStreamClient) {}

  /** Publishes (or re-publishes: the msg id makes JetStream keep one copy) the outcome of a command. */
  async publish(outcome: CertificateOutcomeEvent): Promise<void> {
    try {
      await publishJson(this.js, eventSubject(outcome.outcome, outcome.tenantId), outcome, {
        msgId: `outcome:${outcome.tenantId}:${outcome.requestId}`,
      });
    } catch (error) {
      throw new TransientError(`could not publish outcome: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

