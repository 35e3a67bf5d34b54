import { freePort } from './free-port';
import { connectInAttempts } from './nats-connect';
import { startTcpStandIn } from './tcp-stand-in';

describe('connectInAttempts', () => {
  it('tries a hung connection again, each attempt on a fresh socket, and gives up after the last', async () => {
    // A peer that accepts connections and never says a word, as a stalled first connection looks to nats.js.
    const silent = await startTcpStandIn();
    try {
      const failure = await connectInAttempts({ servers: `127.0.0.1:${silent.port}`, reconnect: false }, 3, 300).catch((error: unknown) => error);
      expect((failure as { code?: unknown }).code).toBe('TIMEOUT');
      expect(silent.accepted()).toBe(3);
    } finally {
      silent.close();
    }
  });

  it('does not try again a connection that was refused: that is an answer', async () => {
    const port = await freePort();
    const started = Date.now();
    const failure = await connectInAttempts({ servers: `127.0.0.1:${port}`, reconnect: false }, 3, 300).catch((error: unknown) => error);
    expect((failure as { code?: unknown }).code).toBe('CONNECTION_REFUSED');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
