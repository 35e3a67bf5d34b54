import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { HandlerErrorsFilter } from './handler-errors.filter';

/** How one `@DurableEventPattern` handler consumes its stream. */
export interface DurableEventOptions<T> {
  /** The durable consumer's name, shared by every instance of the service (they split the messages). */
  readonly durable: string;
  /** Where a message goes once it cannot be decoded or has failed `maxDeliver` times. */
  readonly deadLetterSubject: string;
  /** Turns a message into the handler's payload; throwing dead-letters the message at once. */
  readonly decode: (data: Uint8Array, subject: string) => T;
}

const DURABLE = Symbol('certhub.durable-event');

/**
 * `@EventPattern(stream)` over a durable JetStream consumer (NatsBusServer): the handler gets the decoded
 * payload (`@Payload()`) and a JetStreamContext (`@Ctx()`); the message is acknowledged once the handler's
 * promise resolves, retried with back-off when it rejects, and dead-lettered after `maxDeliver` failures
 * (a TransientError is retried without counting). The handler must be idempotent: a crash redelivers.
 */
export function DurableEventPattern<T>(stream: string, options: DurableEventOptions<T>): MethodDecorator {
  return applyDecorators(EventPattern(stream, { [DURABLE]: options }), UseFilters(new HandlerErrorsFilter()));
}

/** The options a handler was declared with, or undefined for a plain `@EventPattern`. */
export function durableEventOptions(extras: Record<string | symbol, unknown> | undefined): DurableEventOptions<unknown> | undefined {
  return extras?.[DURABLE] as DurableEventOptions<unknown> | undefined;
}
