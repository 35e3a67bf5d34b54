import { serviceInboxPrefix } from '@certhub/contracts';
import { natsProcess, startNatsServer, type NatsServerHandle } from '@certhub/testing';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectToNats, connectToNatsOnce, type NatsConnectionOptions } from './nats-connection';

/** A real TLS bus, and the parser's identity on it as the service is configured (NATS_URL, NATS_CA, NATS_CREDS). */
let bus: NatsServerHandle;
let parser: NatsConnectionOptions;
let scratch: string;
beforeAll(async () => {
  bus = await startNatsServer();
  parser = { url: bus.url, caFile: bus.caFile, credsFile: bus.files.credsFile('parser'), name: 'parser-service', inboxPrefix: serviceInboxPrefix('parser') };
  scratch = mkdtempSync(join(tmpdir(), 'nats-connection-'));
});
afterAll(async () => {
  await bus.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('connecting to the bus', () => {
  it('connects with the identity, CA and address a service is given', async () => {
    await (await connectToNatsOnce(parser)).close();
  });

  it('fails at once, saying what is wrong, for a one-shot command: a CA the server certificate does not chain to, nothing listening', async () => {
    const otherCa = join(scratch, 'other-ca.pem');
    const other = await startNatsServer();
    copyFileSync(other.caFile, otherCa);
    await other.dispose();

    await expect(connectToNatsOnce({ ...parser, caFile: otherCa })).rejects.toThrow(/certificate/i);
    await expect(connectToNatsOnce({ ...parser, url: `tls://127.0.0.1:${other.port}` })).rejects.toThrow(/CONNECTION_REFUSED|ECONNREFUSED/);
  });

  it('while a service waits for its first connection, it keeps saying why, and connects once the server is right', async () => {
    // The bus is replaced by a plain-text server on the same port: a service given NATS_CA must not
    // connect to it, and used to wait there without a word.
    await bus.stop();
    const plainConfig = join(scratch, 'plain.conf');
    writeFileSync(plainConfig, `listen: 127.0.0.1:${bus.port}\n`);
    const plain = natsProcess(plainConfig, bus.port);
    await plain.start();
    const reports: string[] = [];
    const connecting = connectToNats(parser, (problem) => reports.push(problem), 200);
    let waitedWithReasons: Promise<void>;
    try {
      waitedWithReasons = until(() => reports.length > 0);
      await waitedWithReasons.catch(() => undefined);
    } finally {
      await plain.stop('SIGTERM');
      await bus.restart();
    }
    // Connected either way now, so a failure below leaves no connection open behind it.
    const nc = await connecting;
    try {
      await waitedWithReasons;
      expect(reports[0]).toMatch(new RegExp(`not connected to NATS at ${bus.url} yet: the server does not offer TLS`));
      const reportsOnceConnected = reports.length;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(reports).toHaveLength(reportsOnceConnected);
    } finally {
      await nc.close();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
