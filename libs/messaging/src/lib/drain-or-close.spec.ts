import { startNatsServer, startTcpStandIn } from '@certhub/testing';
import { serviceInboxPrefix } from '@certhub/contracts';
import { connect } from 'nats';
import type { Socket } from 'node:net';
import { connectToNatsOnce } from './nats-connection';
import { drainOrClose } from './drain-or-close';

/**
 * A NATS server in a few lines: it greets, answers the client's first PING (so the connection counts as
 * established) and then never answers again, as a server that hung or a stalled connection looks to nats.js.
 */
function greetThenFallSilent(socket: Socket): void {
  socket.write('INFO {"server_id":"stuck","version":"2.9.10","proto":1,"max_payload":1048576}\r\n');
  let answered = false;
  socket.on('data', (chunk: Buffer) => {
    if (!answered && chunk.toString().includes('PING')) {
      answered = true;
      socket.write('PONG\r\n');
    }
  });
}

describe('drainOrClose', () => {
  it('drains a connection whose server answers', async () => {
    const bus = await startNatsServer();
    try {
      const nc = await connectToNatsOnce({ url: bus.url, caFile: bus.caFile, credsFile: bus.files.credsFile('parser'), name: 'parser-service', inboxPrefix: serviceInboxPrefix('parser') });
      await expect(drainOrClose(nc, 5_000)).resolves.toBe('drained');
      expect(nc.isClosed()).toBe(true);
    } finally {
      await bus.dispose();
    }
  });

  it('closes a connection whose drain would wait for ever, once the limit has passed', async () => {
    const stuck = await startTcpStandIn(greetThenFallSilent);
    try {
      const nc = await connect({ servers: `127.0.0.1:${stuck.port}`, reconnect: false });
      nc.subscribe('anything');
      const started = Date.now();
      await expect(drainOrClose(nc, 500)).resolves.toBe('closed');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(nc.isClosed()).toBe(true);
    } finally {
      stuck.close();
    }
  });
});
