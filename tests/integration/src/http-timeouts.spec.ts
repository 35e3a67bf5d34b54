import { connect } from 'node:net';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/** Short bounds so the test is quick; the defaults (10 s, 30 s, 5 s) are checked in libs/config. */
const HEADERS_MS = 1_000;
const REQUEST_MS = 2_000;
const KEEP_ALIVE_MS = 1_000;
/** The gateway looks at its connections once a second (http-server-timeouts.ts); the rest is room for a busy machine. */
const CHECK_INTERVAL_MS = 1_000;
const SLACK_MS = 1_500;
/**
 * Node keeps an idle socket 1 s longer than the `Keep-Alive: timeout=` it advertises, so a client that honours
 * the header never sends on a socket the server is closing.
 */
const NODE_KEEP_ALIVE_GRACE_MS = 1_000;
/** Node's own defaults (60 s headers, 300 s request, 5 s keep-alive) all lie beyond this. */
const GIVE_UP_MS = 8_000;

let env: SuiteEnvironment;
beforeAll(async () => {
  env = await startSuiteEnvironment({
    env: {
      gateway: {
        HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS),
      },
    },
  });
});
afterAll(async () => env?.close());

interface SocketEnd {
  /** Milliseconds from connecting until the server closed the socket; Infinity if it was still open at GIVE_UP_MS. */
  readonly afterMs: number;
  /** Everything the server wrote. */
  readonly received: string;
}

/**
 * Opens a raw TCP connection to the gateway, as a slow or idle client would, writes `start` and then `trickle`
 * one byte every 200 ms (so the connection is never idle), and reports when the server closes it.
 */
function holdConnection(start: string, trickle = ''): Promise<SocketEnd> {
  const { hostname, port } = new URL(env.stack.gatewayUrl);
  return new Promise((resolve) => {
    const started = Date.now();
    let received = '';
    let sent = 0;
    const socket = connect(Number(port), hostname, () => socket.write(start));
    const dripping = setInterval(() => sent < trickle.length && socket.write(trickle[sent++]), 200);
    const giveUp = setTimeout(() => socket.destroy(), GIVE_UP_MS);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // The server closing while a byte is on its way ends in EPIPE or ECONNRESET; the close that follows is what counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(dripping);
      clearTimeout(giveUp);
      const afterMs = Date.now() - started;
      resolve({ afterMs: afterMs >= GIVE_UP_MS ? Infinity : afterMs, received });
    });
  });
}

const expectClosedAfter = (end: SocketEnd, timeoutMs: number) => {
  expect(end.afterMs).toBeGreaterThanOrEqual(timeoutMs - 50);
  expect(end.afterMs).toBeLessThan(timeoutMs + CHECK_INTERVAL_MS + SLACK_MS);
};

describe('the gateway does not hold slow clients (HTTP_*_TIMEOUT_MS)', () => {
  it('closes a connection whose request headers never finish, with 408, after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const end = await holdConnection('POST /openapi/v1/teams/slow/certificates HTTP/1.1\r\nHost: certhub\r\nContent-Type: application/json\r\n', 'X-Slow: ');
    expectClosedAfter(end, HEADERS_MS);
    expect(end.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection whose body trickles in, with 408, after HTTP_REQUEST_TIMEOUT_MS', async () => {
    const head = 'POST /openapi/v1/teams/slow/certificates HTTP/1.1\r\nHost: certhub\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    const end = await holdConnection(head, `{"alias":"${'a'.repeat(100)}`);
    expectClosedAfter(end, REQUEST_MS);
    expect(end.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS, and says so in Keep-Alive', async () => {
    const end = await holdConnection('GET /health/live HTTP/1.1\r\nHost: certhub\r\n\r\n');
    expect(end.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(end.received).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i);
    expectClosedAfter(end, KEEP_ALIVE_MS + NODE_KEEP_ALIVE_GRACE_MS);
  });
});
