import { createTestCertificate, toPkcs1Pem, toSec1Pem } from '@certhub/testing';
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
