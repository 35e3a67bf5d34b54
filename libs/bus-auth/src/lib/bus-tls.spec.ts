import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { execFileSync } from 'node:child_process';
import { webcrypto, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  /**
   * Whether the server certificate may also serve as a TLS client under the CA, as a cluster node dialling
   * another node's route port (nats-server, in Go, checks the client EKU), according to OpenSSL's own check.
   */
  function verifiesAsRouteClient(files: BusTlsFiles): boolean {
    try {
      execFileSync('openssl', ['verify', '-purpose', 'sslclient', '-CAfile', files.caFile, files.certFile], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  }

  /** Replaces the server certificate with one for server authentication only, signed by the same CA. */
  async function writeServerOnlyCertificate(files: BusTlsFiles): Promise<void> {
    x509.cryptoProvider.set(webcrypto);
    const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const ca = new x509.X509Certificate(readFileSync(files.caFile, 'utf8'));
    const caKey = await webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(readFileSync(files.caKeyFile, 'utf8')), algorithm, false, ['sign']);
    const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    const now = Date.now();
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: '01',
      subject: 'CN=certhub bus',
      issuer: ca.subject,
      notBefore: new Date(now - 3_600_000),
      notAfter: new Date(now + 300 * DAY_MS),
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }]),
      ],
    });
    writeFileSync(files.keyFile, x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY'));
    writeFileSync(files.certFile, certificate.toString('pem'));
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

  it("lets one node prove itself to another with the same certificate, as a cluster's TLS routes need", async () => {
    expect(verifiesAsRouteClient(await ensureBusTls(dir, ['127.0.0.1']))).toBe(true);
  });

  it('issues the server certificate again, under the same CA, when it cannot serve routes (made before routes were TLS)', async () => {
    const files = await ensureBusTls(dir, ['127.0.0.1']);
    const before = read(files);
    await writeServerOnlyCertificate(files);
    expect(verifiesAsRouteClient(files)).toBe(false);

    const after = read(await ensureBusTls(dir, ['127.0.0.1']));
    expect(after.ca).toBe(before.ca);
    expect(verifiesAsRouteClient(files)).toBe(true);
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
