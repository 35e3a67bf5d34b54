import { createExpiredCertificate, createNotYetValidCertificate, createOpensslCertificate, createTestCertificate, createTestCsrPem, type TestCertificate } from '@certhub/testing';
import { inspectImport, type ImportMaterial } from './index';
import { derOf, expectInspectionFailure, inspectionFailure } from './inspect-import.spec-support';
import { encodePem } from './pem/pem-blocks';


let cert: TestCertificate;
beforeAll(async () => {
  cert = await createTestCertificate({ keyType: 'p256' });
});
const withCertificate = (certificate: string): ImportMaterial => ({ certificate, privateKey: cert.privateKeyPem });

describe('CERT_PARSE_FAILED', () => {
  it('for text that is not PEM', () => expectInspectionFailure(withCertificate('this is not a certificate'), 'CERT_PARSE_FAILED', /not PEM text/));

  it('for a CSR in the certificate field', async () =>
    expectInspectionFailure(withCertificate(await createTestCsrPem()), 'CERT_PARSE_FAILED', 'expected a CERTIFICATE block but found a CERTIFICATE REQUEST'));

  it('for a private key in the certificate field', () => expectInspectionFailure(withCertificate(cert.privateKeyPem), 'CERT_PARSE_FAILED', /found a PRIVATE KEY; the private key belongs in its own field/));

  it('for a private key pasted after the certificate', () => expectInspectionFailure(withCertificate(cert.certificatePem + cert.privateKeyPem), 'CERT_PARSE_FAILED', /found a PRIVATE KEY \(block 2/));

  it('for a CSR among explanatory text', async () =>
    expectInspectionFailure(withCertificate(`subject=CN = csr.example\n${await createTestCsrPem()}trailing words\n`), 'CERT_PARSE_FAILED', 'found a CERTIFICATE REQUEST'));

  it('for a private key among explanatory text after the certificate', () =>
    expectInspectionFailure(withCertificate(`Bag Attributes\n${cert.certificatePem}Key Attributes: <No Attributes>\n${cert.privateKeyPem}`), 'CERT_PARSE_FAILED', /found a PRIVATE KEY \(block 2, line \d+\); the private key belongs in its own field/));

  it('for explanatory text alone', () => expectInspectionFailure(withCertificate('Bag Attributes\nsubject=CN = www.example\n'), 'CERT_PARSE_FAILED', /not PEM text: it has no "-----BEGIN/));

  it('for a CERTIFICATE block holding something else', () =>
    expectInspectionFailure(withCertificate(encodePem('CERTIFICATE', Buffer.from('definitely not DER'))), 'CERT_PARSE_FAILED', /not a valid X\.509 certificate/));

  it('for bytes after the certificate DER', () =>
    expectInspectionFailure(withCertificate(encodePem('CERTIFICATE', Buffer.concat([derOf(cert.certificatePem), Buffer.from([0, 0])]))), 'CERT_PARSE_FAILED', /not a valid X\.509/));

  it('for a truncated certificate', () => expectInspectionFailure(withCertificate(encodePem('CERTIFICATE', derOf(cert.certificatePem).subarray(0, 120))), 'CERT_PARSE_FAILED'));

  it('for an empty field', () => expectInspectionFailure(withCertificate(' \n '), 'CERT_PARSE_FAILED', /holds no PEM block/));
});

/** RFC 5280 §4.2: a critical extension the client does not process makes it refuse the certificate. */
describe('CERT_PARSE_FAILED for a critical extension clients do not process', () => {
  const withExtensions = (...extensions: string[]) => createOpensslCertificate({ key: 'ec:P-256', subject: '/CN=ext.example.com', extensions: ['subjectAltName=DNS:ext.example.com', ...extensions] });

  it('refuses an unknown critical extension, naming its OID', async () => {
    const odd = withExtensions('1.3.6.1.4.1.55555.1=critical,ASN1:NULL');
    await expectInspectionFailure({ certificate: odd.certificatePem, privateKey: odd.privateKeyPem }, 'CERT_PARSE_FAILED', /marks extension 1\.3\.6\.1\.4\.1\.55555\.1 as critical/);
  });

  it('refuses a CT precertificate, saying to upload the issued certificate instead', async () => {
    const precertificate = withExtensions('1.3.6.1.4.1.11129.2.4.3=critical,ASN1:NULL');
    await expectInspectionFailure({ certificate: precertificate.certificatePem, privateKey: precertificate.privateKeyPem }, 'CERT_PARSE_FAILED', /precertificate .*download the certificate your CA issued/);
  });

  it('accepts the same extension when it is not critical, and critical extensions clients process', async () => {
    const fine = withExtensions('1.3.6.1.4.1.55555.1=ASN1:NULL', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=critical,serverAuth', 'certificatePolicies=critical,2.23.140.1.2.1');
    await expect(inspectImport({ certificate: fine.certificatePem, privateKey: fine.privateKeyPem })).resolves.toBeDefined();
  });
});

describe('CERT_PARSE_FAILED for an IP address SAN of a length no client accepts', () => {
  it.each([
    ['5 bytes', '300787050102030405'],
    ['none', '30028700'],
    ['an address and mask, valid only in name constraints', '300a87080a000001ffffff00'],
  ])('%s', async (_, sanDer) => {
    const odd = createOpensslCertificate({ key: 'ec:P-256', subject: '/CN=ip.example.com', extensions: [`subjectAltName=DER:${sanDer}`] });
    await expectInspectionFailure({ certificate: odd.certificatePem, privateKey: odd.privateKeyPem }, 'CERT_PARSE_FAILED', /holds an IP address of \d+ bytes/);
  });
});

describe('validity', () => {
  it('CERT_EXPIRED names the end date', async () => {
    const expired = await createExpiredCertificate();
    await expectInspectionFailure({ certificate: expired.certificatePem, privateKey: expired.privateKeyPem }, 'CERT_EXPIRED', expired.notAfter.toISOString().replace('.000Z', 'Z'));
  });

  it('CERT_NOT_YET_VALID names the start date', async () => {
    const future = await createNotYetValidCertificate();
    await expectInspectionFailure({ certificate: future.certificatePem, privateKey: future.privateKeyPem }, 'CERT_NOT_YET_VALID', future.notBefore.toISOString().replace('.000Z', 'Z'));
  });

  it('judges validity at the given time', async () => {
    const error = await inspectionFailure({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem }, new Date(cert.notAfter.getTime() + 1_000));
    expect(error.code).toBe('CERT_EXPIRED');
  });
});

describe('CERT_UNSUPPORTED_KEY', () => {
  it.each([
    ['rsa1024', /RSA 1024-bit/],
    ['p521', /EC on curve P-521/],
  ] as const)('for %s', async (keyType, message) => {
    const weak = await createTestCertificate({ keyType });
    await expectInspectionFailure({ certificate: weak.certificatePem, privateKey: weak.privateKeyPem }, 'CERT_UNSUPPORTED_KEY', message);
  });

  it.each([
    ['ed448', /Ed448/],
    ['dsa:2048', /DSA/],
    ['ec:brainpoolP256r1', /brainpoolP256r1/],
  ])('for an OpenSSL-made %s key', async (key, message) => {
    const other = createOpensslCertificate({ key, subject: '/CN=unsupported.example' });
    await expectInspectionFailure({ certificate: other.certificatePem, privateKey: other.privateKeyPem }, 'CERT_UNSUPPORTED_KEY', message);
  });
});
