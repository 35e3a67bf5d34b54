import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServiceProcess } from './service-process';

/** A stand-in for a built service: binds PORT, prints the line every service prints, answers readiness. */
const SERVICE_SCRIPT = `
const http = require('node:http');
const server = http.createServer((request, response) => {
  if (request.url === '/exit') process.exit(3);
  response.writeHead(request.url === '/health/ready' ? 200 : 404).end();
});
server.on('error', (error) => { console.error('fatal: ' + error.message); process.exit(1); });
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('stand-in listening on http://127.0.0.1:' + server.address().port));
`;

let dir: string;
let script: string;
const running: Array<{ kill(): Promise<unknown> }> = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'service-process-'));
  script = join(dir, 'service.js');
  writeFileSync(script, SERVICE_SCRIPT);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.kill()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function launch(port: number, onUnexpectedExit?: (code: number | null) => void) {
  const service = spawnServiceProcess({ name: 'stand-in', script, env: { PORT: String(port) }, readyPath: '/health/ready', readyTimeoutMs: 10_000, onUnexpectedExit });
  running.push(service);
  return service;
}

describe('spawnServiceProcess', () => {
  it('learns the port the kernel gave a service started on port 0, from the service itself', async () => {
    const service = launch(0);

    const url = await service.ready();

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(service.url).toBe(url);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  });

  it('does not take another program answering on the same port for the service, which could not bind it', async () => {
    // What a port chosen in advance risks: by the time the service binds it, something else holds it.
    const decoy: Server = createServer((_request, response) => response.writeHead(200).end());
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    const port = (decoy.address() as { port: number }).port;
    try {
      const service = launch(port);

      await expect(service.ready()).rejects.toThrow(/exited during start-up[\s\S]*EADDRINUSE/);
    } finally {
      await new Promise((resolve) => decoy.close(resolve));
    }
  });

  it('reports an exit nobody asked for, and not one that stop() asked for', async () => {
    const unexpected: Array<number | null> = [];
    const [dying, stopped] = [launch(0, (code) => unexpected.push(code)), launch(0, (code) => unexpected.push(code))];
    const url = await dying.ready();
    await stopped.ready();

    await fetch(`${url}/exit`).catch(() => undefined);
    await dying.exited;
    await stopped.stop();

    expect(unexpected).toEqual([3]);
  });
});
