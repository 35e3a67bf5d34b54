import { createTestCertificate, encryptLegacyPrivateKeyPem, encryptPrivateKeyPem, exportPkcs12, type TestCertificate } from '@certhub/testing';
import { createPrivateKey } from 'node:crypto';
import { inspectImport } from './index';
import { expectInspectionFailure } from './inspect-import.spec-support';

let rsa: TestCertificate;
let ec: TestCertificate;
beforeAll(async () => {
  [rsa, ec] = await Promise.all([createTestCertificate({ keyType: 'rsa2048' }), createTestCertificate({ keyType: 'p256' })]);
});

const pkcs8Der = (pem: string) => createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });

describe('an encrypted private key with its passphrase', () => {
  it.each([
    ['PKCS#8 (ENCRYPTED PRIVATE KEY), RSA', () => rsa, encryptPrivateKeyPem],
    ['legacy Proc-Type: 4,ENCRYPTED, RSA (PKCS#1)', () => rsa, encryptLegacyPrivateKeyPem],
    ['legacy Proc-Type: 4,ENCRYPTED, EC (SEC1)', () => ec, encryptLegacyPrivateKeyPem],
  ])('%s is opened and imported like the clear key', async (_name, cert, encrypt) => {
    const inspected = await inspectImport({ certificate: cert().certificatePem, privateKey: encrypt(cert().privateKeyPem, 'open sesame'), passphrase: 'open sesame' });
    expect(inspected.privateKeyPkcs8Der.equals(pkcs8Der(cert().privateKeyPem))).toBe(true);
  });

  it.each([
    ['PKCS#8', encryptPrivateKeyPem],
    ['legacy', encryptLegacyPrivateKeyPem],
  ])('a wrong passphrase of a %s key is KEY_ENCRYPTED, saying the passphrase is wrong', (_name, encrypt) =>
    expectInspectionFailure({ certificate: rsa.certificatePem, privateKey: encrypt(rsa.privateKeyPem, 'right'), passphrase: 'wrong' }, 'KEY_ENCRYPTED', /passphrase does not open the private key/));

  it('without a passphrase is refused as before (the cloud dialects never send one)', () =>
    expectInspectionFailure({ certificate: rsa.certificatePem, privateKey: encryptPrivateKeyPem(rsa.privateKeyPem, 'right') }, 'KEY_ENCRYPTED', /upload it without a password/));

  it('a passphrase sent with a clear key is not needed and does no harm', async () => {
    await expect(inspectImport({ certificate: ec.certificatePem, privateKey: ec.privateKeyPem, passphrase: 'unused' })).resolves.toMatchObject({ metadata: expect.any(Object) });
  });
});

describe('a PKCS#12 bundle instead of the PEM fields', () => {
  it('is imported through the same checks, with the metadata of its certificate', async () => {
    const inspected = await inspectImport({ pkcs12: exportPkcs12(ec, 'pfx pass'), passphrase: 'pfx pass' });
    expect(inspected.certificatePem).toBe(ec.certificatePem);
    expect(inspected.privateKeyPkcs8Der.equals(pkcs8Der(ec.privateKeyPem))).toBe(true);
  });

  it("whose certificate is expired is refused like a PEM upload's", async () => {
    const expired = await createTestCertificate({ notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    await expectInspectionFailure({ pkcs12: exportPkcs12(expired, 'x'), passphrase: 'x' }, 'CERT_EXPIRED');
  });
});
