import { connect, type NatsConnection } from 'nats';

export interface NatsConnectionOptions {
  readonly url: string;
  /** Shown in `nats-server` connection listings. */
  readonly name: string;
}

/**
 * Connects and keeps reconnecting for as long as the process lives: a NATS restart must not need a service
 * restart. The first connection is awaited too, so a service started before NATS simply waits for it.
 */
export function connectToNats(options: NatsConnectionOptions): Promise<NatsConnection> {
  return connect({
    servers: options.url,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
  });
}
