import { eventSubject, type CertificateExpiringEvent } from '@certhub/contracts';
import { JETSTREAM, publishJson } from '@certhub/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { JetStreamClient } from 'nats';
import { expiringMsgId } from './expiring-event';

@Injectable()
export class ExpiringEventPublisher {
  constructor(@Inject(JETSTREAM) private readonly js: JetStreamClient) {}

  /** Resolves once the stream stored the event (or recognised it as a duplicate by its msg id). */
  async publish(event: CertificateExpiringEvent): Promise<void> {
    await publishJson(this.js, eventSubject('expiring', event.tenantId), event, { msgId: expiringMsgId(event) });
  }
}
