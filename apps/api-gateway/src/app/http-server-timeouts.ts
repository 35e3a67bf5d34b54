import type { HttpTimeouts } from '@certhub/config';
import type { Server } from 'node:http';

/**
 * How often Node looks for connections past their headers or request timeout. Its default, 30 s, would let a
 * slow client stay up to 30 s beyond the configured bound; a scan of the open connections each second is cheap.
 */
const CONNECTION_CHECK_INTERVAL_MS = 1_000;

/**
 * Applies the gateway's client timeouts to the HTTP server Nest created. Must run before `listen`: Node starts
 * its connection checker, with the interval set here, when the server starts listening. A client past its
 * headers or request timeout is answered 408 and disconnected; an idle keep-alive connection is closed.
 */
export function applyHttpServerTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  // Documented only as a createServer option, which Nest does not pass on; Node reads the property when it
  // starts listening (lib/_http_server.js, setupConnectionsTracking), and the integration test would notice if not.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = CONNECTION_CHECK_INTERVAL_MS;
}
