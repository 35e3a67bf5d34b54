import { decodeJson, NATS_CONNECTION } from '@certhub/messaging';
import { eventSubjectOfAllTenants, OutcomeKinds, type CertificateOutcomeEvent } from '@certhub/contracts';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from 'nats';

type Resolver = (outcome: CertificateOutcomeEvent) => void;

/**
 * Listens (core NATS, no consumer state) to every outcome event and hands each one to the HTTP requests
 * waiting for its (tenant, request id). Requests register before they publish, so no outcome can slip by.
 */
@Injectable()
export class OutcomeWaiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OutcomeWaiter.name);
  private readonly waiting = new Map<string, Set<Resolver>>();
  private subscriptions: Subscription[] = [];

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  onModuleInit(): void {
    this.subscriptions = OutcomeKinds.map((kind) =>
      this.nc.subscribe(eventSubjectOfAllTenants(kind), {
        callback: (error, msg) => {
          if (error) return this.logger.warn(`outcome subscription error: ${error.message}`);
          try {
            this.deliver(decodeJson(msg.data) as CertificateOutcomeEvent);
          } catch {
            this.logger.warn(`ignored an undecodable message on ${msg.subject}`);
          }
        },
      }),
    );
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** Starts waiting; call `promise` for the outcome and `cancel` when the request gives up. */
  register(tenantId: string, requestId: string): { promise: Promise<CertificateOutcomeEvent>; cancel: () => void } {
    const key = keyOf(tenantId, requestId);
    let resolver: Resolver = () => undefined;
    const promise = new Promise<CertificateOutcomeEvent>((resolve) => (resolver = resolve));
    const set = this.waiting.get(key) ?? new Set<Resolver>();
    set.add(resolver);
    this.waiting.set(key, set);
    const cancel = () => {
      set.delete(resolver);
      if (set.size === 0 && this.waiting.get(key) === set) this.waiting.delete(key);
    };
    return { promise, cancel };
  }

  private deliver(outcome: CertificateOutcomeEvent): void {
    if (typeof outcome?.tenantId !== 'string' || typeof outcome.requestId !== 'string') return;
    const key = keyOf(outcome.tenantId, outcome.requestId);
    const set = this.waiting.get(key);
    if (!set) return;
    this.waiting.delete(key);
    for (const resolve of set) resolve(outcome);
  }
}

function keyOf(tenantId: string, requestId: string): string {
  return `${tenantId}\u0000${requestId}`;
}
