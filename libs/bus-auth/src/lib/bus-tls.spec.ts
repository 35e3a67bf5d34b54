import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type Server } from 'node:tls';
import { ensureBusTls, type BusTlsFiles } from './bus-tls';

const DAY_MS = 24 * 3_600_000;

describe('ensureBusTls', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'certhub-bus-tls-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const read = (files: BusTlsFiles) => ({ ca: readFileSync(files.caFile, 'utf8'), cert: readFileSync(files.certFile, 'utf8'), key: readFileSync(files.keyFile, 'utf8') });

  /** A real handshake: a TLS server on the files, a client that trusts only the CA and checks the name it dialled. */
  async function handshake(files: BusTlsFiles, servername: string): Promise<void> {
    const server: Server = createServer({ cert: readFileSync(files.certFile), key: readFileSync(files.keyFile) }, (socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port, ca: readFileSync(files.caFile), servername: servername === '127.0.0.1' ? undefined : servername }, () => {
          socket.end();
          resolve();
        });
        socket.on('error', reject);
      });
    } finally {
      server.close();
    }
  }

  it('issues a server certificate for each host under its own CA, with the key readable by its owner only', async () => {
    const files = await ensureBusTls(dir, ['127.0.0.1', 'localhost']);
    const ca = new X509Certificate(readFileSync(files.caFile));
    const server = new X509Certificate(readFileSync(files.certFile));
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkHost('nats')).toBeUndefined();
    expect(statSync(files.keyFile).mode & 0o777).toBe(0o600);
    await handshake(files, '127.0.0.1');
    await handshake(files, 'localhost');
    await expect(handshake(files, 'nats')).rejects.toThrow(/altnames/);
  });

  it('keeps the files while they serve the same hosts; issues a new server certificate under the same CA for other hosts or near expiry', async () => {
    const now = new Date();
    const first = read(await ensureBusTls(dir, ['127.0.0.1'], now));
    expect(read(await ensureBusTls(dir, ['127.0.0.1'], new Date(now.getTime() + DAY_MS)))).toEqual(first);

    const otherHost = read(await ensureBusTls(dir, ['127.0.0.1', 'nats'], now));
    // Whoever trusts the CA (services, producers) keeps trusting the bus.
    expect(otherHost.ca).toBe(first.ca);
    expect(otherHost.key).not.toBe(first.key);
    expect(new X509Certificate(otherHost.cert).checkHost('nats')).toBe('nats');

    const nearExpiry = read(await ensureBusTls(dir, ['127.0.0.1', 'nats'], new Date(now.getTime() + 380 * DAY_MS)));
    expect(nearExpiry.ca).toBe(first.ca);
    expect(nearExpiry.cert).not.toBe(otherHost.cert);
    expect(new X509Certificate(nearExpiry.cert).verify(new X509Certificate(first.ca).publicKey)).toBe(true);
  });

  it('issues a new CA, and a server certificate under it, only when the CA is near its end or its key is gone', async () => {
    const now = new Date();
    const files = await ensureBusTls(dir, ['127.0.0.1'], now);
    const first = read(files);
    expect(statSync(files.caKeyFile).mode & 0o777).toBe(0o600);

    const late = read(await ensureBusTls(dir, ['127.0.0.1'], new Date(now.getTime() + 3_640 * DAY_MS)));
    expect(late.ca).not.toBe(first.ca);
    expect(new X509Certificate(late.cert).verify(new X509Certificate(late.ca).publicKey)).toBe(true);

    rmSync(files.caKeyFile);
    const rekeyed = read(await ensureBusTls(dir, ['127.0.0.1'], now));
    expect(rekeyed.ca).not.toBe(late.ca);
    expect(new X509Certificate(rekeyed.cert).verify(new X509Certificate(rekeyed.ca).publicKey)).toBe(true);
  });
});
