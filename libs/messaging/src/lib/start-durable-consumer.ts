import type { JetStreamManager } from 'nats';
import { DurableConsumer, type DurableConsumerOptions } from './durable-consumer';
import { ensureDurableConsumer } from './jetstream-topology';

export interface StartDurableConsumerOptions<T> extends DurableConsumerOptions<T> {
  readonly jsm: JetStreamManager;
  /** How long JetStream waits for an acknowledgement before redelivering. */
  readonly ackWaitMs: number;
}

/**
 * Creates (or updates) the durable consumer on the server and starts pulling from it. Unacknowledged
 * messages across all instances are capped at four times one instance's concurrency, so a burst is spread
 * over instances instead of piling up in the first one.
 */
export async function startDurableConsumer<T>(options: StartDurableConsumerOptions<T>): Promise<DurableConsumer<T>> {
  const { jsm, ackWaitMs, ...consumerOptions } = options;
  await ensureDurableConsumer(jsm, {
    stream: options.stream,
    durable: options.durable,
    ackWaitMs,
    maxAckPending: options.concurrency * 4,
  });
  const consumer = new DurableConsumer<T>(consumerOptions);
  consumer.start();
  options.logger.log(`consuming ${options.stream} as ${options.durable} (concurrency ${options.concurrency})`);
  return consumer;
}
