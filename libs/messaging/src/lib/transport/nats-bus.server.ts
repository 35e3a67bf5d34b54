import { Logger } from '@nestjs/common';
import { NatsContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DurableConsumer } from '../durable-consumer';
import { decodeJson } from '../json-codec';
import { encodeRpcReply, rpcFailure, RPC_MAX_REPLY_BYTES, type RpcReply } from '../rpc/rpc-envelope';
import { startDurableConsumer } from '../start-durable-consumer';
import { durableEventOptions } from './durable-event-pattern';
import { JetStreamContext } from './jetstream-context';
import { describeError } from '../describe-error';
import { JETSTREAM_SETTLE_MS } from '../jetstream-topology';
import { retryFor } from '../retry-for';

export interface NatsBusServerOptions {
  /** Instances of one service share a queue group, so each request is answered once. */
  readonly queue: string;
  readonly maxReplyBytes?: number;
  /** How `@DurableEventPattern` handlers consume; required when the service declares any. */
  readonly consumers?: {
    /** Messages handled at once by this instance, per handler. */
    readonly concurrency: number;
    readonly maxDeliver: number;
    readonly ackWaitMs: number;
  };
}

/**
 * The service's one seam to the bus, on the one NATS connection MessagingModule opened with its credentials:
 * - `@MessagePattern(subject)`: request/reply over core NATS in a queue group. Nothing a caller sends can end
 *   the process: undecodable requests, handler failures and replies too large for NATS are logged and
 *   answered with an error envelope.
 * - `@DurableEventPattern(stream, …)`: a durable JetStream consumer per handler, with ack, retry and dead
 *   letters (DurableConsumer). Consumers start when the microservice listens, after the application's init
 *   hooks ran (main.ts calls app.init() first), and stop first on shutdown, finishing what they received.
 */
export class NatsBusServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('NatsBusServer');
  private readonly subscriptions: Subscription[] = [];
  private readonly consumers: DurableConsumer<unknown>[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: NatsBusServerOptions,
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  /** Stops consuming and answering; the connection itself belongs to MessagingModule, which drains it last. */
  async close(): Promise<void> {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    await Promise.all(this.consumers.splice(0).map((consumer) => consumer.stop()));
  }

  on(): void {
    // Connection events are watched by NatsHealth on the shared connection.
  }

  unwrap<T>(): T {
    return this.nc as T;
  }

  private async start(): Promise<void> {
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler) await this.consume(pattern, handler);
      else this.subscriptions.push(this.nc.subscribe(pattern, { queue: this.options.queue, callback: (error, msg) => void this.answer(pattern, error, msg) }));
    }
  }

  private async consume(stream: string, handler: MessageHandler): Promise<void> {
    const durable = durableEventOptions(handler.extras);
    const settings = this.options.consumers;
    if (!durable || !settings) {
      throw new Error(`@EventPattern(${stream}) needs @DurableEventPattern and NatsBusServer's consumers settings`);
    }
    const consumer = await startDurableConsumer({
      js: this.nc.jetstream(),
      jsm: await retryFor(JETSTREAM_SETTLE_MS, this.log, 'reaching JetStream', () => this.nc.jetstreamManager()),
      stream,
      durable: durable.durable,
      deadLetterSubject: durable.deadLetterSubject,
      decode: durable.decode,
      concurrency: settings.concurrency,
      maxDeliver: settings.maxDeliver,
      ackWaitMs: settings.ackWaitMs,
      handle: async (payload, msg) => {
        const result: unknown = await handler(payload, new JetStreamContext([msg]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      },
      logger: new Logger(`${durable.durable} consumer`),
    });
    this.consumers.push(consumer);
  }

  private async answer(subject: string, error: Error | null, msg: Msg): Promise<void> {
    if (error) return void this.log.warn(`request subscription on ${subject} failed: ${error.message}`);
    if (!msg.reply) return;
    const reply = await this.reply(subject, msg);
    try {
      msg.respond(encodeRpcReply(reply, this.options.maxReplyBytes ?? RPC_MAX_REPLY_BYTES));
    } catch (failure) {
      this.log.error(`answering ${subject} failed: ${describeError(failure)}`);
    }
  }

  private async reply(subject: string, msg: Msg): Promise<RpcReply<unknown>> {
    const handler = this.getHandlerByPattern(subject);
    if (!handler) return rpcFailure('UNKNOWN_SUBJECT', `nothing answers ${subject}`);
    let payload: unknown;
    try {
      payload = decodeJson(msg.data);
    } catch (failure) {
      return rpcFailure('INVALID_REQUEST', describeError(failure));
    }
    try {
      const result: unknown = await handler(payload, new NatsContext([msg.subject, msg.headers]));
      return { ok: true, data: isObservable(result) ? await lastValueFrom(result) : result };
    } catch (failure) {
      this.log.error(`handler for ${subject} failed: ${describeError(failure)}`);
      return rpcFailure('INTERNAL', 'the request could not be answered');
    }
  }
}

