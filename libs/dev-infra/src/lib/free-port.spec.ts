import { createServer } from 'node:net';
import { canConnect, freePort, freePorts, waitForPort } from './free-port';

describe('free ports', () => {
  it('hands out a port nothing listens on, and sees a listener once one starts', async () => {
    const port = await freePort();
    expect(await canConnect(port)).toBe(false);
    const server = createServer().listen(port, '127.0.0.1');
    try {
      await waitForPort(port, '127.0.0.1', 5_000);
      expect(await canConnect(port)).toBe(true);
    } finally {
      server.close();
    }
  });

  it('gives up waiting for a port that never opens', async () => {
    const port = await freePort();
    await expect(waitForPort(port, '127.0.0.1', 300)).rejects.toThrow();
  });

  it('hands out several ports at once, all different', async () => {
    for (let round = 0; round < 20; round += 1) {
      const ports = await freePorts(6);
      expect(new Set(ports).size).toBe(6);
    }
  });
});
