import {
  CerthubError,
  commandContentHash,
  commandMsgId,
  commandSubject,
  lifecycleContentHash,
  type CertificateCommand,
  type CertificateDeletedEvent,
  type CertificateLifecycleCommand,
  type CertificateOutcomeEvent,
  type CertificateStoredEvent,
  type CommandOperation,
  type LifecycleOperation,
  type UploadOperation,
} from '@certhub/contracts';
import type { GatewayConfig } from '@certhub/config';
import { JETSTREAM, publishJson } from '@certhub/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { JetStreamClient } from 'nats';
import { GATEWAY_CONFIG } from '../app/gateway-config.token';
import { OutcomeWaiter } from './outcome-waiter.service';
import { StorageRpc } from './storage-rpc.service';

/**
 * Every dialect's write path: publish the command durably, then answer from its outcome. Success is only
 * ever answered after the storage service stored the certificate. Everything else is a CerthubError that
 * the dialect renders in its own format.
 */
@Injectable()
export class CertificateImports {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    private readonly waiter: OutcomeWaiter,
    private readonly storage: StorageRpc,
  ) {}

  async submit(operation: UploadOperation, command: CertificateCommand): Promise<CertificateStoredEvent> {
    const outcome = await this.send(operation, command, commandContentHash(operation, command));
    if (outcome.outcome === 'deleted') throw new CerthubError('INTERNAL', `A ${operation} was answered as a delete.`);
    return outcome;
  }

  /** `delete` and `rollback` of the certhub API: the same path, answered `deleted` or `updated`. */
  submitLifecycle(operation: LifecycleOperation, command: CertificateLifecycleCommand): Promise<AcceptedOutcome> {
    return this.send(operation, command, lifecycleContentHash(operation, command));
  }

  private async send(operation: CommandOperation, command: CertificateCommand | CertificateLifecycleCommand, contentHash: string): Promise<AcceptedOutcome> {
    const { tenantId, requestId } = command;
    if (await this.storage.databaseUnavailable()) {
      // Refused before publishing: nothing is queued, so nothing is stored later behind the client's back.
      throw new CerthubError('UNAVAILABLE', 'The certificate store is unavailable; nothing was stored. Retry later.');
    }
    const waiting = this.waiter.register(tenantId, requestId, contentHash);
    // Storage sends the outcome to this instance's own subject as well as to the tenant's event stream.
    command = { ...command, replyTo: this.waiter.replySubject };
    try {
      const subject = commandSubject(operation, tenantId);
      const msgId = commandMsgId(tenantId, requestId, contentHash);
      const ack = await this.publish(subject, command, msgId);
      if (ack.duplicate) {
        // Seen before: the outcome may be stored already, in which case no event will come again.
        const stored = await this.storage.storedOutcome({ tenantId, requestId });
        if (stored?.outcome) return settle(stored.outcome, stored.contentHash === contentHash);
        // Not decided yet. The command is probably on its way; publishing it once more under a fresh id
        // costs a second parse at most (storage answers a request id once), and no message that merely
        // took this id first (a producer may choose any id) can keep this request from being answered.
        await this.publish(subject, command, `${msgId}|${randomUUID()}`);
      }
      const outcome = await withTimeout(waiting.promise, this.config.outcomeTimeoutMs);
      if (outcome) return settle(outcome, outcome.contentHash === undefined || outcome.contentHash === contentHash);
      const late = await this.storage.storedOutcome({ tenantId, requestId });
      if (late?.outcome) return settle(late.outcome, late.contentHash === contentHash);
      throw new CerthubError(
        'UNAVAILABLE',
        'The request was accepted but not processed in time; retry with the same Idempotency-Key to get its result.',
      );
    } finally {
      waiting.cancel();
    }
  }

  private publish(subject: string, command: CertificateCommand | CertificateLifecycleCommand, msgId: string) {
    return publishJson(this.js, subject, command, { msgId }).catch(() => {
      throw new CerthubError('UNAVAILABLE', 'The message bus is unavailable; retry with the same Idempotency-Key.');
    });
  }
}

/** What a write is answered with when it succeeded. */
export type AcceptedOutcome = CertificateStoredEvent | CertificateDeletedEvent;

function settle(outcome: CertificateOutcomeEvent, sameContent: boolean): AcceptedOutcome {
  if (!sameContent) {
    throw new CerthubError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
  }
  if (outcome.outcome === 'rejected') throw new CerthubError(outcome.code, outcome.message);
  return outcome;
}

/** Resolves with the promise's value, or null after ms; the timer never outlives the race. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
