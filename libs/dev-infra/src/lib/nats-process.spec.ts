import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canConnect, freePort } from './free-port';
import { isPortTaken, natsProcess } from './nats-process';

let scratch: string;
beforeAll(() => (scratch = mkdtempSync(join(tmpdir(), 'nats-process-'))));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function plainConfig(port: number): string {
  const file = join(scratch, `nats-${port}.conf`);
  writeFileSync(file, `listen: 127.0.0.1:${port}\n`);
  return file;
}

describe('a nats-server process', () => {
  it('counts as started once it says it is ready, and again after a restart', async () => {
    const port = await freePort();
    const server = natsProcess(plainConfig(port), port);
    await server.start();
    try {
      expect(await canConnect(port)).toBe(true);
      await server.stop('SIGKILL');
      expect(await canConnect(port)).toBe(false);
      await server.start();
      expect(await canConnect(port)).toBe(true);
    } finally {
      await server.stop('SIGTERM');
    }
  });

  it('does not take another program listening on its port for itself: the start fails, saying the port is taken', async () => {
    const port = await freePort();
    // The decoy accepts connections on the port, as any program that took it meanwhile would.
    const decoy: Server = await new Promise((resolve) => {
      const server = createServer((socket) => socket.destroy()).listen(port, '127.0.0.1', () => resolve(server));
    });
    try {
      const server = natsProcess(plainConfig(port), port);
      const failure = await server.start().then(() => undefined, (error: unknown) => error);
      await server.stop('SIGTERM');
      expect(failure).toBeInstanceOf(Error);
      expect(isPortTaken(failure)).toBe(true);
    } finally {
      decoy.close();
    }
  });
});
