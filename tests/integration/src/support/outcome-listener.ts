import { OutcomeSubjects, type CertificateOutcomeEvent } from '@certhub/contracts';
import { JSONCodec, type NatsConnection } from 'nats';

const codec = JSONCodec<CertificateOutcomeEvent>();

/** Collects outcome events from the bus, the way a downstream system listens to certhub. */
export class OutcomeListener {
  readonly received: CertificateOutcomeEvent[] = [];
  private readonly waiters: Array<() => void> = [];

  constructor(bus: NatsConnection) {
    for (const subject of OutcomeSubjects) {
      bus.subscribe(subject, {
        callback: (_error, message) => {
          this.received.push(codec.decode(message.data));
          this.waiters.splice(0).forEach((wake) => wake());
        },
      });
    }
  }

  /** Resolves with the first outcome for (tenant, request id), or fails after timeoutMs. */
  async outcomeOf(tenantId: string, requestId: string, timeoutMs = 20_000): Promise<CertificateOutcomeEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((event) => event.tenantId === tenantId && event.requestId === requestId);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no outcome for ${tenantId}/${requestId} within ${timeoutMs}ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
