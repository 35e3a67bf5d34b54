import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, type ConnectionOptions, type NatsConnection } from 'nats';
import { describeError } from './describe-error';

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

/** How often a service still waiting for its first connection says why it is not connected. */
export const FIRST_CONNECT_REPORT_MS = 10_000;
/** Each first-connection attempt is abandoned after this, and a fresh one made. */
const CONNECT_ATTEMPT_TIMEOUT_MS = 5_000;
const CONNECT_RETRY_MS = 250;

/**
 * Connects and keeps reconnecting for as long as the process lives: a NATS restart must not need a service
 * restart. A service started before NATS waits for it: each attempt is a fresh connection abandoned after
 * CONNECT_ATTEMPT_TIMEOUT_MS, and `report` hears why the last one failed (nothing listening, no TLS where
 * NATS_CA asks for it, a CA that does not match, refused credentials), at once and then every reportEveryMs.
 * nats.js's own first-connect loop (waitOnFirstConnect) retries silently, and in CI a gateway's first
 * connection once stayed pending past 30 s while a fresh connection with the same identity went through.
 */
export async function connectToNats(
  options: NatsConnectionOptions,
  report?: (problem: string) => void,
  reportEveryMs = FIRST_CONNECT_REPORT_MS,
): Promise<NatsConnection> {
  let reportedAt = Number.NEGATIVE_INFINITY;
  for (;;) {
    try {
      return await connectToNatsOnce(options);
    } catch (error) {
      if (report && Date.now() - reportedAt >= reportEveryMs) {
        report(`not connected to NATS at ${options.url} yet: ${describeNatsConnectError(error)}; trying again`);
        reportedAt = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, CONNECT_RETRY_MS));
    }
  }
}

/**
 * For one-shot commands, which must fail with a reason rather than wait: the first connection is tried once
 * (within 5 s) and its failure thrown; a connection once made still reconnects like a service's.
 */
export function connectToNatsOnce(options: NatsConnectionOptions): Promise<NatsConnection> {
  return connect({ ...natsClientOptions(options), waitOnFirstConnect: false, timeout: CONNECT_ATTEMPT_TIMEOUT_MS });
}

/**
 * Why a connection attempt failed, for a log line or a command's error. nats.js words some refusals tersely:
 * a server without TLS for a client given a CA is just "tls".
 */
export function describeNatsConnectError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'SERVER_OPT_NA' && message === 'tls') return 'the server does not offer TLS, and NATS_CA says the bus is TLS (check NATS_URL)';
  return describeError(error);
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
