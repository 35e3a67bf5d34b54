import { Logger } from '@nestjs/common';
import { NatsContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { isObservable, lastValueFrom } from 'rxjs';
import { decodeJson } from '../json-codec';
import { encodeRpcReply, rpcFailure, RPC_MAX_REPLY_BYTES, type RpcReply } from './rpc-envelope';

export interface NatsRpcServerOptions {
  /** Instances of one service share a queue group, so each request is answered once. */
  readonly queue: string;
  readonly maxReplyBytes?: number;
}

/**
 * `@MessagePattern` handlers served over the service's one NATS connection (the one MessagingModule opened
 * with the service's credentials), instead of the second connection Nest's own NATS transport would open.
 * Nothing a caller sends can end the process: undecodable requests, handler failures and replies too large
 * for NATS are logged and answered with an error envelope.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('NatsRpcServer');
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: NatsRpcServerOptions,
  ) {
    super();
  }

  listen(callback: () => void): void {
    for (const subject of this.messageHandlers.keys()) {
      this.subscriptions.push(
        this.nc.subscribe(subject, { queue: this.options.queue, callback: (error, msg) => void this.answer(subject, error, msg) }),
      );
    }
    callback();
  }

  /** Stops taking requests; the connection itself belongs to MessagingModule, which drains it last. */
  close(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  on(): void {
    // Connection events are watched by NatsHealth on the shared connection.
  }

  unwrap<T>(): T {
    return this.nc as T;
  }

  private async answer(subject: string, error: Error | null, msg: Msg): Promise<void> {
    if (error) return void this.log.warn(`request subscription on ${subject} failed: ${error.message}`);
    if (!msg.reply) return;
    const reply = await this.handle(subject, msg);
    try {
      msg.respond(encodeRpcReply(reply, this.options.maxReplyBytes ?? RPC_MAX_REPLY_BYTES));
    } catch (failure) {
      this.log.error(`answering ${subject} failed: ${describe(failure)}`);
    }
  }

  private async handle(subject: string, msg: Msg): Promise<RpcReply<unknown>> {
    const handler = this.getHandlerByPattern(subject);
    if (!handler) return rpcFailure('UNKNOWN_SUBJECT', `nothing answers ${subject}`);
    let payload: unknown;
    try {
      payload = decodeJson(msg.data);
    } catch (failure) {
      return rpcFailure('INVALID_REQUEST', describe(failure));
    }
    try {
      const result: unknown = await handler(payload, new NatsContext([msg.subject, msg.headers]));
      return { ok: true, data: isObservable(result) ? await lastValueFrom(result) : result };
    } catch (failure) {
      this.log.error(`handler for ${subject} failed: ${describe(failure)}`);
      return rpcFailure('INTERNAL', 'the request could not be answered');
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
