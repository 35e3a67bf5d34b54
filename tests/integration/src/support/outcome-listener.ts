import { eventSubjectOfAllTenants, OutcomeKinds, type CertificateOutcomeEvent } from '@certhub/contracts';
import { JSONCodec, type NatsConnection } from 'nats';

const codec = JSONCodec<CertificateOutcomeEvent>();

/**
 * Collects outcome events from the bus, the way a downstream system listens to certhub: every tenant's with
 * the observer identity, or one tenant's with that tenant's producer credentials (pass its wildcard).
 */
export class OutcomeListener {
  readonly received: CertificateOutcomeEvent[] = [];
  private readonly waiters: Array<() => void> = [];

  constructor(bus: NatsConnection, subjects: readonly string[] = OutcomeKinds.map(eventSubjectOfAllTenants)) {
    for (const subject of subjects) {
      bus.subscribe(subject, {
        callback: (_error, message) => {
          if (message.subject.endsWith('.expiring')) return;
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
