import { createTestCertificate, createTestChain, listThroughPkcs12, runOpenssl } from '@certhub/testing';
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

  it('reads certificates and key as `openssl pkcs12 -nokeys` and `-nocerts -nodes` print them, explanatory lines included', async () => {
    const chain = await createTestChain({ depth: 1 });
    const listing = listThroughPkcs12(chain.leaf, chain.intermediates);
    expect(listing.certificates).toMatch(/^Bag Attributes\n.*friendlyName: certhub test\nsubject=/ms);
    expect(listing.privateKey).toContain('Key Attributes: <No Attributes>\n-----BEGIN PRIVATE KEY-----');
    const inspected = await inspectImport({ certificate: listing.certificates, privateKey: listing.privateKey });
    expect(inspected.certificatePem).toBe(opensslPem(chain.leaf.certificatePem));
    expect(inspected.chainPem).toEqual([opensslPem(chain.intermediates[0].certificatePem)]);
  });

  it('ignores text after the certificate, the key and the chain', async () => {
    const chain = await createTestChain({ depth: 1 });
    const trailed = (pem: string) => `${pem}-- pasted from the CA's e-mail, valid one year --\n`;
    const inspected = await inspectImport({
      certificate: trailed(chain.leaf.certificatePem),
      privateKey: trailed(chain.leaf.privateKeyPem),
      chain: trailed(chain.intermediates[0].certificatePem),
      trustedRootCa: trailed(chain.root.certificatePem),
    });
    expect(inspected.certificatePem).toBe(opensslPem(chain.leaf.certificatePem));
    expect(inspected.chainPem).toHaveLength(1);
    expect(inspected.trustedRootCaPem).toBe(opensslPem(chain.root.certificatePem));
  });
});
