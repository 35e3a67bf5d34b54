import type { NatsConnection } from 'nats';

/** Long enough for a drain that makes progress (acks and publishes in flight are flushed in milliseconds). */
export const DRAIN_LIMIT_MS = 5_000;

/**
 * Drains the connection, or closes it if the drain has not finished within `limitMs`. A drain waits for the
 * server's answer to its final flush and has no time limit of its own; a server that stopped answering (or a
 * connection stalled as nats.js's first connections have been seen to stall here) would otherwise hold the
 * service's shutdown until its grace period killed it. Closing then loses nothing a caller was told was done:
 * publishes are acknowledged before anyone is answered, and an ack that is lost only brings a redelivery,
 * which every consumer handles idempotently. Resolves with how it ended.
 */
export async function drainOrClose(nc: NatsConnection, limitMs = DRAIN_LIMIT_MS): Promise<'drained' | 'closed'> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'closed'>((resolve) => {
    timer = setTimeout(() => resolve('closed'), limitMs);
  });
  try {
    const ended = await Promise.race([nc.drain().then(() => 'drained' as const), limit]);
    if (ended === 'closed') await nc.close();
    return ended;
  } finally {
    clearTimeout(timer);
  }
}
