import { answerMsgId, eventSubject } from '@certhub/contracts';
import { encodeJson, JETSTREAM, NATS_CONNECTION, publishJson, TransientError } from '@certhub/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { JetStreamClient, NatsConnection } from 'nats';
import type { StoredOutcome } from '../outcomes/outcome-store.service';

@Injectable()
export class OutcomePublisher {
  constructor(
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  /**
   * Publishes the outcome that answers one hand-over message, with the hash of the content it answers. The
   * msg id names that message, so a redelivery publishes nothing new while a later command reusing the
   * request id is answered again. When a gateway instance published the command (`replyTo`), the outcome
   * also goes straight to that instance, on core NATS: the durable event stays the record, and a gateway
   * that misses this copy asks storage (certhub.rpc.outcome.get).
   *
   * The waiting instance is answered first, without waiting for JetStream's acknowledgement of the event: the
   * outcome is already recorded in the database, so the answer is final. If the event's publish then fails,
   * the hand-over message is not acknowledged and its redelivery publishes the recorded outcome again (a
   * second copy to a gateway that already answered is ignored there).
   */
  async publish(answer: StoredOutcome, delivery: { readonly stream: string; readonly sequence: number }, replyTo?: string): Promise<void> {
    const event = { ...answer.outcome, contentHash: answer.contentHash };
    if (replyTo !== undefined) this.nc.publish(replyTo, encodeJson(event));
    try {
      await publishJson(this.js, eventSubject(event.outcome, event.tenantId), event, { msgId: answerMsgId('outcome', delivery.stream, delivery.sequence) });
    } catch (error) {
      throw new TransientError(`could not publish outcome: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
