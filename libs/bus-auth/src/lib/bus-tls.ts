// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { X509Certificate, webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { writeSecret } from './bus-files';

/** The bus's TLS files, in the bus directory: the CA clients trust (`NATS_CA`), and the server's certificate and key. */
export interface BusTlsFiles {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** How long the generated CA and server certificate are valid; they are issued again when less than RENEW_BEFORE_MS is left. */
const VALIDITY_MS = 398 * 24 * 3_600_000;
const RENEW_BEFORE_MS = 30 * 24 * 3_600_000;

export function busTlsFiles(dir: string): BusTlsFiles {
  return { caFile: join(dir, 'tls', 'ca.pem'), certFile: join(dir, 'tls', 'server-cert.pem'), keyFile: join(dir, 'tls', 'server-key.pem') };
}

/**
 * TLS for a bus certhub sets up itself (`npm start`, the tests, compose's `init-bus`): a CA of its own and a
 * server certificate for `hosts` (names or IP addresses, as clients dial them), kept while they still cover
 * those hosts for at least 30 days, issued again otherwise. The CA's private key is never written: nothing
 * but this server certificate is ever signed with it, and a new pair replaces both. The server key is 0600.
 */
export async function ensureBusTls(dir: string, hosts: readonly string[], now = new Date()): Promise<BusTlsFiles> {
  const files = busTlsFiles(dir);
  if (stillServes(files, hosts, now)) return files;
  x509.cryptoProvider.set(webcrypto);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const caKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const serverKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date(now.getTime() - 3_600_000);
  const notAfter = new Date(now.getTime() + VALIDITY_MS);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=certhub bus CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: 'CN=certhub bus',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
      new x509.SubjectAlternativeNameExtension(hosts.map((host) => ({ type: isIP(host) ? 'ip' : 'dns', value: host }))),
    ],
  });
  const serverKey = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey));
  // Key first: a server certificate on disk always has its key beside it.
  writeSecret(files.keyFile, x509.PemConverter.encode(serverKey, 'PRIVATE KEY'));
  writeSecret(files.certFile, server.toString('pem'));
  writeSecret(files.caFile, ca.toString('pem'));
  return files;
}

/** Whether the files on disk chain to their CA, name every host and stay valid long enough. */
function stillServes(files: BusTlsFiles, hosts: readonly string[], now: Date): boolean {
  if (![files.caFile, files.certFile, files.keyFile].every((file) => existsSync(file))) return false;
  try {
    const ca = new X509Certificate(readFileSync(files.caFile));
    const server = new X509Certificate(readFileSync(files.certFile));
    const renewAt = now.getTime() + RENEW_BEFORE_MS;
    return (
      server.verify(ca.publicKey) &&
      new Date(server.validTo).getTime() > renewAt &&
      new Date(ca.validTo).getTime() > renewAt &&
      hosts.every((host) => (isIP(host) ? server.checkIP(host) : server.checkHost(host, { wildcards: false })) !== undefined)
    );
  } catch {
    return false;
  }
}

/** A positive 16-byte serial, hex. */
function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}
