// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { X509Certificate, webcrypto } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { writeSecret } from './bus-files';

/**
 * The bus's TLS files, in the bus directory: the CA clients trust (`NATS_CA`) and its key, and the server's
 * certificate and key.
 */
export interface BusTlsFiles {
  readonly caFile: string;
  readonly caKeyFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

const DAY_MS = 24 * 3_600_000;
/** The CA outlives many server certificates, so clients and producers keep trusting the bus across renewals. */
const CA_VALIDITY_MS = 10 * 365 * DAY_MS;
const SERVER_VALIDITY_MS = 398 * DAY_MS;
/** A certificate with less than this left is issued again. */
const RENEW_BEFORE_MS = 30 * DAY_MS;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export function busTlsFiles(dir: string): BusTlsFiles {
  const tls = join(dir, 'tls');
  return { caFile: join(tls, 'ca.pem'), caKeyFile: join(tls, 'ca-key.pem'), certFile: join(tls, 'server-cert.pem'), keyFile: join(tls, 'server-key.pem') };
}

/**
 * TLS for a bus certhub sets up itself (`npm start`, the tests, compose's `init-bus`): a CA of its own (ten
 * years) and a server certificate under it for `hosts` (names or IP addresses, as clients dial them). The
 * server certificate is kept while it covers those hosts for at least 30 more days and issued again under the
 * same CA otherwise, so whoever trusts the CA keeps trusting the bus. Keys are 0600 in the bus directory,
 * beside the authority, which is worth more.
 */
export async function ensureBusTls(dir: string, hosts: readonly string[], now = new Date()): Promise<BusTlsFiles> {
  const files = busTlsFiles(dir);
  x509.cryptoProvider.set(webcrypto);
  const ca = (await usableCa(files, now)) ?? (await issueCa(files, now));
  if (serverStillServes(files, ca.certificate, hosts, now)) return files;
  const serverKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: 'CN=certhub bus',
    issuer: ca.certificate.subject,
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + SERVER_VALIDITY_MS),
    publicKey: serverKeys.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      // clientAuth too: a cluster node presents this certificate when it dials another node's route port.
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate.publicKey),
      new x509.SubjectAlternativeNameExtension(hosts.map((host) => ({ type: isIP(host) ? 'ip' : 'dns', value: host }))),
    ],
  });
  // Key first: a server certificate on disk always has its key beside it.
  writeSecret(files.keyFile, await pkcs8Pem(serverKeys.privateKey));
  writeSecret(files.certFile, server.toString('pem'));
  return files;
}

interface BusCa {
  readonly certificate: x509.X509Certificate;
  readonly privateKey: webcrypto.CryptoKey;
}

/** The CA on disk, if its key is there and it has more than RENEW_BEFORE_MS left. */
async function usableCa(files: BusTlsFiles, now: Date): Promise<BusCa | undefined> {
  if (!existsSync(files.caFile) || !existsSync(files.caKeyFile)) return undefined;
  try {
    const certificate = new x509.X509Certificate(readFileSync(files.caFile, 'utf8'));
    if (certificate.notAfter.getTime() <= now.getTime() + RENEW_BEFORE_MS) return undefined;
    const der = x509.PemConverter.decodeFirst(readFileSync(files.caKeyFile, 'utf8'));
    const privateKey = await webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
    return { certificate, privateKey };
  } catch {
    return undefined;
  }
}

/** A new CA, written before anything is signed with it; the old server certificate no longer chains and is replaced. */
async function issueCa(files: BusTlsFiles, now: Date): Promise<BusCa> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=certhub bus CA',
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + CA_VALIDITY_MS),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  writeSecret(files.caKeyFile, await pkcs8Pem(keys.privateKey));
  writeSecret(files.caFile, certificate.toString('pem'));
  return { certificate, privateKey: keys.privateKey };
}

/**
 * Whether the server certificate on disk chains to `ca`, names every host, stays valid long enough and may
 * also serve as a route client (certificates from before routes were TLS may not).
 */
function serverStillServes(files: BusTlsFiles, ca: x509.X509Certificate, hosts: readonly string[], now: Date): boolean {
  if (!existsSync(files.certFile) || !existsSync(files.keyFile)) return false;
  try {
    const server = new X509Certificate(readFileSync(files.certFile));
    return (
      server.verify(new X509Certificate(Buffer.from(ca.rawData)).publicKey) &&
      new Date(server.validTo).getTime() > now.getTime() + RENEW_BEFORE_MS &&
      (server.keyUsage ?? []).includes(CLIENT_AUTH) &&
      hosts.every((host) => (isIP(host) ? server.checkIP(host) : server.checkHost(host, { wildcards: false })) !== undefined)
    );
  } catch {
    return false;
  }
}

async function pkcs8Pem(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A positive 16-byte serial, hex. */
function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}
