/**
 * JetStream `Nats-Msg-Id`s. The duplicate window is per stream, shared by every tenant, so an id must name
 * exactly one message: `|` occurs in neither a tenant id nor a request id (CommandIdentity), which makes
 * these ids unambiguous where `<tenant>:<request>` was not (tenant `ta`, key `x:K` collided with tenant
 * `ta:x`, key `K`).
 */

/** The gateway's command: a retry of the same request is dropped; the same key with other content is not. */
export function commandMsgId(tenantId: string, requestId: string, contentHash: string): string {
  return `${tenantId}|${requestId}|${contentHash}`;
}

/**
 * The parser's hand-over and storage's outcome are tied to the message they answer (stream and sequence),
 * not to the request id: a redelivery of one message is deduplicated, while a second command reusing a
 * request id is a new message and is answered again.
 */
export function answerMsgId(kind: 'parsed' | 'outcome', stream: string, sequence: number): string {
  return `${kind}|${stream}|${sequence}`;
}
