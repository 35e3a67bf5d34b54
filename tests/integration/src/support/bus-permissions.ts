import { Events, type NatsConnection } from 'nats';

/**
 * What the server answers when an identity tries something outside its permissions. NATS refuses a
 * forbidden publish or subscription with a "Permissions Violation" error to that client; the connection stays
 * up, and nothing reaches anyone else.
 */
export async function publishRefusal(nc: NatsConnection, subject: string, payload = '{}'): Promise<string> {
  // A request carries a reply subject, so the server's refusal comes back to this very call.
  return nc
    .request(subject, new TextEncoder().encode(payload), { timeout: 3_000 })
    .then(() => 'answered')
    .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
}

export function subscribeRefusal(nc: NatsConnection, subject: string): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('subscribed'), 3_000);
    nc.subscribe(subject, {
      callback: (error) => {
        if (!error) return;
        clearTimeout(timer);
        resolve(error.message);
      },
    });
  });
}

export const PERMISSION_VIOLATION = /Permissions Violation/;

/**
 * Resolves once the server cuts the connection (an error or a disconnect reported), rejects after
 * `timeoutMs`: a test waiting for a revocation fails instead of hanging with a client reconnecting for ever.
 */
export function connectionCut(nc: NatsConnection, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the connection was not cut within ${timeoutMs} ms`)), timeoutMs);
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === Events.Error || status.type === Events.Disconnect) {
          clearTimeout(timer);
          resolve(String(status.data));
          return;
        }
      }
    })();
  });
}
