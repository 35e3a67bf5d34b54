import { type JetStreamClient, type PubAck } from 'nats';
import { encodeJson } from './json-codec';

export interface PublishOptions {
  /** Sent as Nats-Msg-Id: JetStream drops a second publish with the same id inside the duplicate window. */
  readonly msgId: string;
  readonly timeoutMs?: number;
}

/** Publishes a JSON event to JetStream and resolves once the stream has stored it. */
export function publishJson(
  js: JetStreamClient,
  subject: string,
  payload: unknown,
  options: PublishOptions,
): Promise<PubAck> {
  return js.publish(subject, encodeJson(payload), { msgID: options.msgId, timeout: options.timeoutMs ?? 5_000 });
}
