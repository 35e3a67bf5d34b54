import { createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port';
import { connectInAttempts } from './nats-connect';

/** A server that accepts connections and never says a word, as a stalled first connection looks to nats.js. */
async function silentServer(): Promise<{ server: Server; port: number; accepted: () => number; closeAll: () => void }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return {
    server,
    port: address.port,
    accepted: () => sockets.length,
    closeAll: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

describe('connectInAttempts', () => {
  it('tries a hung connection again, each attempt on a fresh socket, and gives up after the last', async () => {
    const silent = await silentServer();
    try {
      const failure = await connectInAttempts({ servers: `127.0.0.1:${silent.port}`, reconnect: false }, 3, 300).catch((error: unknown) => error);
      expect((failure as { code?: unknown }).code).toBe('TIMEOUT');
      expect(silent.accepted()).toBe(3);
    } finally {
      silent.closeAll();
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
