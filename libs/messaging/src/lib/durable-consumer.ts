import type { ConsumerMessages, JetStreamClient, JsMsg, Subscription } from 'nats';
import { sendToDeadLetter } from './dead-letter';
import { UndecodablePayloadError } from './json-codec';
import { dispositionOf, retryDelayMs } from './retry-policy';
import { Semaphore } from './semaphore';
import { TransientError } from './transient-error';
import { describeError } from './describe-error';

export interface ConsumerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DurableConsumerOptions<T> {
  readonly js: JetStreamClient;
  readonly stream: string;
  readonly durable: string;
  readonly concurrency: number;
  /** Failed deliveries (other than transient ones) before the message is dead-lettered. */
  readonly maxDeliver: number;
  readonly deadLetterSubject: string;
  /**
   * The consumer's ack wait. While a handler runs, the message is marked in progress every third of it, so a
   * short ack wait (a crashed instance's messages come back within seconds) never redelivers slow work.
   */
  readonly ackWaitMs: number;
  /** Turns a message into a payload; throwing dead-letters the message at once. */
  readonly decode: (data: Uint8Array, subject: string) => T;
  readonly handle: (payload: T, msg: JsMsg) => Promise<void>;
  readonly logger: ConsumerLogger;
}

export interface ConsumerCounters {
  acked: number;
  retried: number;
  deadLettered: number;
}

/**
 * Pulls from a durable JetStream consumer and handles messages concurrently, acknowledging each one only
 * after its handler finished. Unlike a plain `for await` with decoding inside, no message can end the loop:
 * undecodable ones go to the dead-letter subject, failing ones are retried with back-off and dead-lettered
 * after `maxDeliver` attempts, and infrastructure failures (TransientError) are retried until they pass.
 */
export class DurableConsumer<T> {
  readonly counters: ConsumerCounters = { acked: 0, retried: 0, deadLettered: 0 };
  private readonly slots: Semaphore;
  private messages: ConsumerMessages | null = null;
  private stopping = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: DurableConsumerOptions<T>) {
    this.slots = new Semaphore(options.concurrency);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Stops pulling and finishes every message this instance already received, then waits for its handlers.
   * Nothing is handed back with a nak: nats-server 2.9 may redeliver a nak'd message straight to this
   * instance's still-open pull request, where nobody listens any more, and it would then wait out the whole
   * ack wait (graceful-stop.spec saw it). At most 2 x concurrency messages are buffered, so this is bounded.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await drainPullSubscription(this.messages);
    await this.messages?.close();
    await this.loop;
    await this.slots.idle();
  }

  private async run(): Promise<void> {
    const { js, stream, durable, concurrency, logger } = this.options;
    while (!this.stopping) {
      try {
        const consumer = await js.consumers.get(stream, durable);
        this.messages = await consumer.consume({ max_messages: Math.max(concurrency * 2, 16) });
        // After stop() the iterator still yields what had arrived, and each is handled like any other.
        for await (const msg of this.messages) {
          await this.slots.acquire();
          void this.process(msg).finally(() => this.slots.release());
        }
      } catch (error) {
        if (this.stopping) break;
        logger.warn(`consumer ${durable} on ${stream} interrupted: ${describeError(error)}; resuming in 1s`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const { decode, handle, maxDeliver, logger } = this.options;
    let payload: T;
    try {
      payload = decode(msg.data, msg.subject);
    } catch (error) {
      await this.deadLetter(msg, error instanceof UndecodablePayloadError ? error.message : describeError(error));
      return;
    }
    const heartbeat = setInterval(() => msg.working(), Math.max(250, Math.floor(this.options.ackWaitMs / 3)));
    try {
      await handle(payload, msg);
      clearInterval(heartbeat);
      msg.ack();
      this.counters.acked += 1;
    } catch (error) {
      clearInterval(heartbeat);
      const transient = error instanceof TransientError;
      const deliveryCount = msg.info.redeliveryCount;
      if (dispositionOf({ transient, deliveryCount, maxDeliver }) === 'dead-letter') {
        await this.deadLetter(msg, `failed ${deliveryCount} times, last: ${describeError(error)}`);
        return;
      }
      const delay = retryDelayMs(deliveryCount);
      logger.warn(`message ${msg.info.stream}#${msg.info.streamSequence} failed (delivery ${deliveryCount}), retrying in ${delay}ms: ${describeError(error)}`);
      msg.nak(delay);
      this.counters.retried += 1;
    }
  }

  private async deadLetter(msg: JsMsg, reason: string): Promise<void> {
    const { js, deadLetterSubject, logger } = this.options;
    try {
      await sendToDeadLetter(js, deadLetterSubject, msg, reason);
      // No reason argument: nats-server before 2.10.4 does not parse "+TERM <reason>" and ignores the whole
      // acknowledgement, which would redeliver the message after every ack wait. The reason is in the DLQ headers.
      msg.term();
      this.counters.deadLettered += 1;
      logger.error(`message ${msg.info.stream}#${msg.info.streamSequence} moved to ${deadLetterSubject}: ${reason}`);
    } catch (error) {
      logger.warn(`dead-lettering ${msg.info.stream}#${msg.info.streamSequence} failed, will retry: ${describeError(error)}`);
      msg.nak(retryDelayMs(msg.info.redeliveryCount));
    }
  }
}


/**
 * Closing a consume() iterator unsubscribes its pull inbox at once, and the client then drops messages the
 * server had already sent: they count as delivered and would return only after the ack wait. Draining the
 * inbox first lets them arrive, so the loop handles them before the service exits. nats.js keeps that
 * subscription as the iterator's `sub`; without it this falls back to a plain close.
 */
async function drainPullSubscription(messages: ConsumerMessages | null): Promise<void> {
  const sub = (messages as unknown as { sub?: Subscription } | null)?.sub;
  if (!sub || sub.isClosed()) return;
  await sub.drain().catch(() => undefined);
}
