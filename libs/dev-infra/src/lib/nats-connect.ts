import { connect, type ConnectionOptions, type NatsConnection } from 'nats';

/** How long one attempt may take; nats.js's own default is 20 s. */
const ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * nats.js's connect, in attempts of 5 s. On a loaded machine (CI running two jest projects on two cores)
 * a first connection has hung until nats.js's 20 s timeout while a fresh one to the same server went through
 * at once; the services connect the same way (connectToNats in libs/messaging). Only a timeout is tried again:
 * a refusal (`Authorization Violation`, a bad certificate) is an answer, and tests expect it.
 */
export async function connectInAttempts(options: ConnectionOptions, attempts = 4, attemptTimeoutMs = ATTEMPT_TIMEOUT_MS): Promise<NatsConnection> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connect({ ...options, timeout: attemptTimeoutMs });
    } catch (error) {
      if (attempt >= attempts || (error as { code?: unknown }).code !== 'TIMEOUT') throw error;
    }
  }
}
