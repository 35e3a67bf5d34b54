import type { JetStreamManager } from 'nats';
import { DurableConsumer, type DurableConsumerOptions } from './durable-consumer';
import { describeError } from './describe-error';
import { ensureDurableConsumer, JETSTREAM_SETTLE_MS } from './jetstream-topology';

export interface StartDurableConsumerOptions<T> extends DurableConsumerOptions<T> {
  readonly jsm: JetStreamManager;
}

/**
 * Creates (or updates) the durable consumer on the server and starts pulling from it. Unacknowledged
 * messages across all instances are capped at four times one instance's concurrency, so a burst is spread
 * over instances instead of piling up in the first one.
 */
export async function startDurableConsumer<T>(options: StartDurableConsumerOptions<T>): Promise<DurableConsumer<T>> {
  const { jsm, ...consumerOptions } = options;
  const settings = { stream: options.stream, durable: options.durable, ackWaitMs: options.ackWaitMs, maxAckPending: options.concurrency * 4 };
  // The storage service creates the streams; a consumer that starts first waits for its stream, as long as it
  // takes. Any other failure (a JetStream request timing out while a cluster elects a leader after losing a
  // node) is retried for a minute before the service gives up and exits, to be restarted.
  const otherFailuresUntil = Date.now() + JETSTREAM_SETTLE_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ensureDurableConsumer(jsm, settings);
      break;
    } catch (error) {
      if (isStreamMissing(error)) {
        if (attempt % 20 === 1) options.logger.warn(`stream ${options.stream} does not exist yet; waiting for the storage service to create it`);
      } else {
        if (Date.now() >= otherFailuresUntil) throw error;
        options.logger.warn(`creating consumer ${options.durable} on ${options.stream} failed (${describeError(error)}); trying again`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const consumer = new DurableConsumer<T>(consumerOptions);
  consumer.start();
  options.logger.log(`consuming ${options.stream} as ${options.durable} (concurrency ${options.concurrency})`);
  return consumer;
}

function isStreamMissing(error: unknown): boolean {
  return error instanceof Error && /stream not found/i.test(error.message);
}
