import { decodeJson, NATS_CONNECTION } from '@certhub/messaging';
import { gatewayOutcomesSubject, type CertificateOutcomeEvent } from '@certhub/contracts';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { NatsConnection, Subscription } from 'nats';
import { answersWaiter } from './outcome-match';

interface Waiter {
  readonly contentHash: string;
  readonly resolve: (outcome: CertificateOutcomeEvent) => void;
}

/**
 * Listens (core NATS, no consumer state) on this instance's own outcome subject, where storage sends the
 * outcome of every command this instance published (its `replyTo`), and hands each one to the HTTP requests
 * waiting for its (tenant, request id) and content. Requests register before they publish, so no outcome
 * can slip by. Other instances' outcomes never reach this one. Only the storage identity may publish on
 * these subjects (docs/security.md).
 */
@Injectable()
export class OutcomeWaiter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutcomeWaiter.name);
  private readonly waiting = new Map<string, Set<Waiter>>();
  private subscription: Subscription | null = null;
  /** The `replyTo` of every command this instance publishes. */
  readonly replySubject = gatewayOutcomesSubject(randomBytes(12).toString('hex'));

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  onModuleInit(): void {
    this.subscription = this.nc.subscribe(this.replySubject, {
      callback: (error, msg) => {
        if (error) return this.logger.warn(`outcome subscription error: ${error.message}`);
        try {
          this.deliver(decodeJson(msg.data) as CertificateOutcomeEvent);
        } catch {
          this.logger.warn(`ignored an undecodable message on ${msg.subject}`);
        }
      },
    });
  }

  /**
   * Not onModuleDestroy: that runs before the HTTP server closes, and requests still in flight would then
   * wait their whole outcome timeout for an answer nobody delivers any more.
   */
  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** Starts waiting; call `promise` for the outcome and `cancel` when the request gives up. */
  register(tenantId: string, requestId: string, contentHash: string): { promise: Promise<CertificateOutcomeEvent>; cancel: () => void } {
    const key = keyOf(tenantId, requestId);
    let resolve: Waiter['resolve'] = () => undefined;
    const promise = new Promise<CertificateOutcomeEvent>((done) => (resolve = done));
    const waiter: Waiter = { contentHash, resolve };
    const set = this.waiting.get(key) ?? new Set<Waiter>();
    set.add(waiter);
    this.waiting.set(key, set);
    const cancel = () => {
      set.delete(waiter);
      if (set.size === 0 && this.waiting.get(key) === set) this.waiting.delete(key);
    };
    return { promise, cancel };
  }

  private deliver(outcome: CertificateOutcomeEvent): void {
    if (typeof outcome?.tenantId !== 'string' || typeof outcome.requestId !== 'string') return;
    const set = this.waiting.get(keyOf(outcome.tenantId, outcome.requestId));
    if (!set) return;
    for (const waiter of [...set]) {
      if (!answersWaiter(outcome, waiter.contentHash)) continue;
      set.delete(waiter);
      waiter.resolve(outcome);
    }
  }
}

/** NUL occurs in no tenant or request id, so the key is unambiguous. */
function keyOf(tenantId: string, requestId: string): string {
  return `${tenantId}\u0000${requestId}`;
}
