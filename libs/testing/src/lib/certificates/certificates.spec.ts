import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chainPemOf,
  createExpiredCertificate,
  createNotYetValidCertificate,
  createTestCertificate,
  createTestChain,
  createTestCsrPem,
  encryptLegacyPrivateKeyPem,
  encryptPrivateKeyPem,
  KEY_POOL_SIZE,
  toPkcs1Pem,
  toSec1Pem,
} from './index';

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

const publicKeyOfCertificate = (pem: string) => openssl(['x509', '-noout', '-pubkey'], pem);
const publicKeyOfPrivateKey = (pem: string) => openssl(['pkey', '-pubout', '-passin', 'pass:unused'], pem);

describe('createTestCertificate', () => {
  it.each(['rsa2048', 'p256', 'p384', 'p521', 'ed25519'] as const)('writes a %s certificate and key that OpenSSL reads as a pair', async (keyType) => {
    const cert = await createTestCertificate({ keyType, commonName: 'pair.example' });
    expect(openssl(['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], cert.certificatePem)).toContain('CN=pair.example');
    expect(publicKeyOfPrivateKey(cert.privateKeyPem)).toBe(publicKeyOfCertificate(cert.certificatePem));
  });

  it('dates the certificate relative to now', async () => {
    const cert = await createTestCertificate();
    const now = Date.now();
    expect(cert.notBefore.getTime()).toBeLessThanOrEqual(now);
    expect(cert.notAfter.getTime()).toBeGreaterThan(now + 29 * 86_400_000);
  });

  it('puts the serial, SANs and subject fields it was given into the certificate', async () => {
    const cert = await createTestCertificate({ serialNumberHex: '0a1b2c', sans: ['a.example', '10.1.2.3', '2001:db8::1'], subject: { O: 'Certhub', C: 'DE' } });
    const text = openssl(['x509', '-noout', '-serial', '-subject', '-ext', 'subjectAltName', '-nameopt', 'RFC2253'], cert.certificatePem);
    expect(text).toContain('serial=0A1B2C');
    expect(text).toContain(`subject=CN=${cert.commonName},O=Certhub,C=DE`);
    expect(text).toContain('DNS:a.example, IP Address:10.1.2.3, IP Address:2001:DB8:0:0:0:0:0:1');
  });

  it('re-encodes keys as PKCS#1 and SEC1', async () => {
    const rsa = await createTestCertificate({ keyType: 'rsa2048', keyFormat: 'pkcs1' });
    const ec = await createTestCertificate({ keyType: 'p256' });
    expect(rsa.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(toSec1Pem(ec.privateKeyPem)).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
    expect(toPkcs1Pem(rsa.privateKeyPem)).toBe(rsa.privateKeyPem);
  });

  it('hands out distinct pooled keys to consecutive certificates and reuses them after a full rotation', async () => {
    const certs = [];
    for (let i = 0; i <= KEY_POOL_SIZE; i++) certs.push(await createTestCertificate({ keyType: 'p384' }));
    const keys = certs.map((cert) => publicKeyOfCertificate(cert.certificatePem));
    expect(new Set(keys.slice(0, KEY_POOL_SIZE)).size).toBe(KEY_POOL_SIZE);
    expect(keys[KEY_POOL_SIZE]).toBe(keys[0]);
  });
});

describe('special certificates and keys', () => {
  it('creates an expired and a not-yet-valid certificate around now', async () => {
    const expired = await createExpiredCertificate();
    const future = await createNotYetValidCertificate();
    expect(expired.notAfter.getTime()).toBeLessThan(Date.now());
    expect(future.notBefore.getTime()).toBeGreaterThan(Date.now());
    expect(() => openssl(['x509', '-noout', '-checkend', '0'], expired.certificatePem)).toThrow();
  });

  it('creates a CSR that OpenSSL verifies', async () => {
    const csr = await createTestCsrPem({ commonName: 'csr.example' });
    expect(csr).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect(openssl(['req', '-noout', '-verify', '-subject', '-nameopt', 'RFC2253'], csr)).toContain('CN=csr.example');
  });

  it('encrypts keys as PKCS#8 and in the legacy Proc-Type form, both readable with the passphrase', async () => {
    const { privateKeyPem } = await createTestCertificate({ keyType: 'rsa2048' });
    const pkcs8 = encryptPrivateKeyPem(privateKeyPem, 'secret');
    const legacy = encryptLegacyPrivateKeyPem(privateKeyPem, 'secret');
    expect(pkcs8).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(legacy).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n/);
    const plain = publicKeyOfPrivateKey(privateKeyPem);
    expect(openssl(['pkey', '-pubout', '-passin', 'pass:secret'], pkcs8)).toBe(plain);
    expect(openssl(['pkey', '-pubout', '-passin', 'pass:secret'], legacy)).toBe(plain);
  });
});

describe('createTestChain', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'certhub-chain-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1, 2])('builds a chain with %i intermediate(s) that openssl verify accepts', async (depth) => {
    const chain = await createTestChain({ depth, leafKeyType: 'rsa2048' });
    expect(chain.intermediates).toHaveLength(depth);
    writeFileSync(join(dir, 'root.pem'), chain.root.certificatePem);
    writeFileSync(join(dir, 'untrusted.pem'), chainPemOf(chain));
    writeFileSync(join(dir, 'leaf.pem'), chain.leaf.certificatePem);
    const result = openssl(['verify', '-CAfile', join(dir, 'root.pem'), '-untrusted', join(dir, 'untrusted.pem'), join(dir, 'leaf.pem')]);
    expect(result.trim()).toBe(`${join(dir, 'leaf.pem')}: OK`);
  });
});
