import { answerMsgId, eventSubject } from '@certhub/contracts';
import { JETSTREAM, publishJson, TransientError } from '@certhub/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { JetStreamClient } from 'nats';
import type { StoredOutcome } from '../outcomes/outcome-store.service';

@Injectable()
export class OutcomePublisher {
  constructor(@Inject(JETSTREAM) private readonly js: JetStreamClient) {}

  /**
   * Publishes the outcome that answers one hand-over message, with the hash of the content it answers. The
   * msg id names that message, so a redelivery publishes nothing new while a later command reusing the
   * request id is answered again.
   */
  async publish(answer: StoredOutcome, delivery: { readonly stream: string; readonly sequence: number }): Promise<void> {
    const event = { ...answer.outcome, contentHash: answer.contentHash };
    try {
      await publishJson(this.js, eventSubject(event.outcome, event.tenantId), event, { msgId: answerMsgId('outcome', delivery.stream, delivery.sequence) });
    } catch (error) {
      throw new TransientError(`could not publish outcome: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
