import { encodeJson } from '../json-codec';

/**
 * Every request/reply answer travels in this envelope, so a caller can tell "storage answered with an error"
 * from "storage answered". Handlers return plain values; the transport wraps them.
 */
export type RpcReply<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: RpcFailure };

export interface RpcFailure {
  /** `INVALID_REQUEST`, `REPLY_TOO_LARGE`, `UNKNOWN_SUBJECT` or `INTERNAL`. */
  readonly code: string;
  readonly message: string;
}

/** Leaves room below NATS's default 1 MiB max_payload for headers and the protocol line. */
export const RPC_MAX_REPLY_BYTES = 1_000_000;

/** Encodes a reply; one that would not fit a NATS message becomes a REPLY_TOO_LARGE failure instead. */
export function encodeRpcReply(reply: RpcReply<unknown>, maxBytes: number): Uint8Array {
  const encoded = encodeJson(reply);
  if (encoded.byteLength <= maxBytes) return encoded;
  return encodeJson(rpcFailure('REPLY_TOO_LARGE', `the answer (${encoded.byteLength} bytes) exceeds ${maxBytes} bytes; ask for a smaller page`));
}

export function rpcFailure(code: string, message: string): RpcReply<never> {
  return { ok: false, error: { code, message } };
}
