import type { JetStreamManager } from 'nats';

/** Messages a durable consumer has yet to finish: not yet delivered plus delivered but unacknowledged. */
export async function consumerLag(jsm: JetStreamManager, stream: string, durable: string): Promise<number> {
  const info = await jsm.consumers.info(stream, durable);
  return info.num_pending + info.num_ack_pending;
}
