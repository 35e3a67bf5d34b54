import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, type ConnectionOptions, type NatsConnection } from 'nats';

export interface NatsConnectionOptions {
  /** One server, or a cluster's nodes separated by commas; the client learns the rest of a cluster from any node. */
  readonly url: string;
  /** Shown in `nats-server` connection listings. */
  readonly name: string;
  /** The identity's `.creds` file: certhub never connects anonymously. */
  readonly credsFile: string;
  /**
   * Where replies to this connection's requests arrive. Each identity may subscribe only to its own prefix
   * (libs/bus-auth), so no other client can read its replies.
   */
  readonly inboxPrefix: string;
  /** CA bundle for the server's TLS certificate; when set, the connection must be TLS. */
  readonly caFile?: string;
}

/**
 * Connects and keeps reconnecting for as long as the process lives: a NATS restart must not need a service
 * restart. The first connection is awaited too, so a service started before NATS simply waits for it.
 */
export function connectToNats(options: NatsConnectionOptions): Promise<NatsConnection> {
  return connect(natsClientOptions(options));
}

export function natsClientOptions(options: NatsConnectionOptions): ConnectionOptions {
  return {
    servers: natsServerList(options.url),
    name: options.name,
    authenticator: credsAuthenticator(readFileSync(options.credsFile)),
    inboxPrefix: options.inboxPrefix,
    ...(options.caFile ? { tls: { caFile: options.caFile } } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
    // Otherwise nats.js captures a stack (`new Error()`) for every request, and every JetStream publish is one,
    // only to decorate a timeout's trace. Failures are still reported with their code and subject.
    noAsyncTraces: true,
  };
}

/** `nats://a:4222,nats://b:4222` → each server, as nats.js takes them. */
export function natsServerList(url: string): string[] {
  return url.split(',').map((server) => server.trim()).filter((server) => server.length > 0);
}
