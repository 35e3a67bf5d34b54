import { createTestCertificate, runOpenssl } from '@certhub/testing';
import { inspectImport } from './index';

describe('inspectImport normalises pasted PEM', () => {
  const opensslPem = (pem: string) => runOpenssl(['x509'], pem);

  it('returns the certificate as OpenSSL writes it: LF, 64 columns', async () => {
    const cert = await createTestCertificate();
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    expect(inspected.certificatePem).toBe(opensslPem(cert.certificatePem));
  });

  it('reads CRLF line ends', async () => {
    const cert = await createTestCertificate();
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const inspected = await inspectImport({ certificate: crlf(cert.certificatePem), privateKey: crlf(cert.privateKeyPem) });
    expect(inspected.certificatePem).toBe(opensslPem(cert.certificatePem));
  });

  it('reads JSON-escaped text with literal \\n sequences', async () => {
    const cert = await createTestCertificate();
    const escaped = (text: string) => JSON.stringify(text).slice(1, -1);
    expect(escaped(cert.certificatePem)).toContain('\\n');
    const inspected = await inspectImport({ certificate: escaped(cert.certificatePem), privateKey: escaped(cert.privateKeyPem) });
    expect(inspected.certificatePem).toBe(opensslPem(cert.certificatePem));
  });

  it('reads text wrapped in quotes and whitespace', async () => {
    const cert = await createTestCertificate();
    const inspected = await inspectImport({ certificate: `  "${cert.certificatePem}"\n`, privateKey: `'${cert.privateKeyPem}'` });
    expect(inspected.certificatePem).toBe(opensslPem(cert.certificatePem));
  });
});
