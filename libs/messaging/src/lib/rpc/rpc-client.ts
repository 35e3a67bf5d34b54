import type { NatsConnection } from 'nats';
import { decodeJson, encodeJson } from '../json-codec';
import type { RpcReply } from './rpc-envelope';

/**
 * One timeout policy for every request/reply: storage answers from an index, so anything slower than this
 * is treated as "storage unavailable". Calls that page through large sets may pass a longer one.
 */
export const RPC_TIMEOUT_MS = 2_000;

/** The answer did not come, or came as an error envelope; `code` says which. */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/**
 * Typed request/reply over the process's one NATS connection, answered by `@MessagePattern` handlers behind
 * NatsBusServer. Replies arrive on the connection's own inbox prefix, which only this identity may read.
 */
export class RpcClient {
  constructor(private readonly nc: NatsConnection) {}

  async rpc<TReply>(subject: string, payload: unknown, options: { readonly timeoutMs?: number } = {}): Promise<TReply> {
    let data: Uint8Array;
    try {
      const answer = await this.nc.request(subject, encodeJson(payload), { timeout: options.timeoutMs ?? RPC_TIMEOUT_MS });
      data = answer.data;
    } catch (error) {
      throw new RpcError('UNAVAILABLE', `${subject}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const reply = decodeJson(data) as RpcReply<TReply>;
    if (reply && typeof reply === 'object' && reply.ok === true) return reply.data;
    const failure = reply && typeof reply === 'object' && reply.ok === false ? reply.error : { code: 'INTERNAL', message: 'malformed reply' };
    throw new RpcError(failure.code, `${subject}: ${failure.message}`);
  }
}
