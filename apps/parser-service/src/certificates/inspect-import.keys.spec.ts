import { createTestCertificate, runOpenssl, toPkcs1Pem, toSec1Pem, withTempDir } from '@certhub/testing';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { inspectImport } from './index';

const pkcs8DerOf = (pem: string) => createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });

describe('inspectImport accepts each supported key', () => {
  it.each([
    ['rsa2048', { type: 'RSA', size: 2048 }],
    ['rsa3072', { type: 'RSA', size: 3072 }],
    ['rsa4096', { type: 'RSA', size: 4096 }],
    ['p256', { type: 'EC', size: 256, curve: 'P-256' }],
    ['p384', { type: 'EC', size: 384, curve: 'P-384' }],
    ['ed25519', { type: 'Ed25519', size: 256 }],
  ] as const)('%s', async (keyType, publicKey) => {
    const cert = await createTestCertificate({ keyType });
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    expect(inspected.metadata.publicKey).toEqual(publicKey);
    expect(inspected.privateKeyPkcs8Der.equals(pkcs8DerOf(cert.privateKeyPem))).toBe(true);
  });
});

describe('inspectImport accepts each private key format', () => {
  it('PKCS#1 "RSA PRIVATE KEY"', async () => {
    const cert = await createTestCertificate({ keyType: 'rsa2048' });
    const privateKey = toPkcs1Pem(cert.privateKeyPem);
    expect(privateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey });
    expect(inspected.privateKeyPkcs8Der.equals(pkcs8DerOf(cert.privateKeyPem))).toBe(true);
  });

  it('SEC1 "EC PRIVATE KEY"', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const privateKey = toSec1Pem(cert.privateKeyPem);
    expect(privateKey).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey });
    expect(inspected.privateKeyPkcs8Der.equals(pkcs8DerOf(cert.privateKeyPem))).toBe(true);
  });

  it('SEC1 after the EC PARAMETERS block `openssl ecparam -genkey` writes before it', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const namedCurveP256 = Buffer.from('06082a8648ce3d030107', 'hex').toString('base64');
    const privateKey = `-----BEGIN EC PARAMETERS-----\n${namedCurveP256}\n-----END EC PARAMETERS-----\n${toSec1Pem(cert.privateKeyPem)}`;
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey });
    expect(inspected.privateKeyPkcs8Der.equals(pkcs8DerOf(cert.privateKeyPem))).toBe(true);
  });

  it('PKCS#8 "PRIVATE KEY"', async () => {
    const cert = await createTestCertificate({ keyType: 'p384', keyFormat: 'pkcs8' });
    expect(cert.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    expect(inspected.privateKeyPkcs8Der.equals(pkcs8DerOf(cert.privateKeyPem))).toBe(true);
  });
});

/** One EC key has several encodings; each is the same key, and none may be called a mismatch. */
describe('inspectImport matches an EC key however its public half is encoded', () => {
  it.each([
    ['a compressed point (SEC1)', ['-conv_form', 'compressed'], false],
    ['a compressed point (PKCS#8)', ['-conv_form', 'compressed'], true],
    ['explicit curve parameters', ['-param_enc', 'explicit'], false],
  ] as const)('%s', async (_, args, pkcs8) => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    let privateKey = runOpenssl(['ec', ...args], toSec1Pem(cert.privateKeyPem));
    if (pkcs8) privateKey = runOpenssl(['pkcs8', '-topk8', '-nocrypt'], privateKey);
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey });
    expect(inspected.metadata.publicKey).toEqual({ type: 'EC', size: 256, curve: 'P-256' });
  });

  it('a certificate whose key is a compressed point, with the usual key', async () => {
    const cert = await createTestCertificate({ keyType: 'p384' });
    const compressedKey = runOpenssl(['ec', '-conv_form', 'compressed'], toSec1Pem(cert.privateKeyPem));
    const certificate = withTempDir((dir) => {
      writeFileSync(join(dir, 'key.pem'), compressedKey);
      return runOpenssl(['req', '-x509', '-new', '-key', join(dir, 'key.pem'), '-days', '30', '-subj', '/CN=compressed.example.com', '-addext', 'subjectAltName=DNS:compressed.example.com']);
    });
    const inspected = await inspectImport({ certificate, privateKey: cert.privateKeyPem });
    expect(inspected.metadata.publicKey).toEqual({ type: 'EC', size: 384, curve: 'P-384' });
  });
});
