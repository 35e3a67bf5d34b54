import { chainPemOf, createOpensslCertificate, createTestCertificate, createTestChain, runOpenssl, type TestChain } from '@certhub/testing';
import { inspectImport } from './index';

describe('inspectImport with a chain', () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await createTestChain({ depth: 2 });
  });
  const issuerFirst = () => [chain.intermediates[1], chain.intermediates[0]].map((cert) => runOpenssl(['x509'], cert.certificatePem));

  it('takes the certificates after the leaf in the certificate field (fullchain.pem) as the chain', async () => {
    const inspected = await inspectImport({ certificate: chain.leaf.certificatePem + chainPemOf(chain), privateKey: chain.leaf.privateKeyPem });
    expect(inspected.chainPem).toEqual(issuerFirst());
    expect(inspected.certificatePem).toBe(runOpenssl(['x509'], chain.leaf.certificatePem));
  });

  it('reads the chain field and the trusted root', async () => {
    const inspected = await inspectImport({
      certificate: chain.leaf.certificatePem,
      privateKey: chain.leaf.privateKeyPem,
      chain: chainPemOf(chain),
      trustedRootCa: chain.root.certificatePem,
    });
    expect(inspected.chainPem).toEqual(issuerFirst());
    expect(inspected.trustedRootCaPem).toBe(runOpenssl(['x509'], chain.root.certificatePem));
    expect(inspected.chain.map((entry) => entry.subject)).toEqual([
      `CN=${chain.intermediates[1].commonName}`,
      `CN=${chain.intermediates[0].commonName}`,
    ]);
    expect(inspected.chain[0].issuer).toBe(`CN=${chain.intermediates[0].commonName}`);
  });

  it('appends the chain field after the certificates that follow the leaf', async () => {
    const [lower, upper] = [chain.intermediates[1], chain.intermediates[0]];
    const inspected = await inspectImport({
      certificate: chain.leaf.certificatePem + lower.certificatePem,
      privateKey: chain.leaf.privateKeyPem,
      chain: upper.certificatePem,
    });
    expect(inspected.chainPem).toEqual(issuerFirst());
  });

  it('drops exact copies of the leaf, of chain certificates and of the trusted root', async () => {
    const inspected = await inspectImport({
      certificate: chain.leaf.certificatePem + chainPemOf(chain),
      privateKey: chain.leaf.privateKeyPem,
      chain: chain.leaf.certificatePem + chainPemOf(chain) + chain.root.certificatePem,
      trustedRootCa: chain.root.certificatePem,
    });
    expect(inspected.chainPem).toEqual(issuerFirst());
  });

  it('keeps a self-signed root at the end of the chain when no trusted root is given', async () => {
    const inspected = await inspectImport({
      certificate: chain.leaf.certificatePem,
      privateKey: chain.leaf.privateKeyPem,
      chain: chainPemOf(chain) + chain.root.certificatePem,
    });
    expect(inspected.chainPem).toHaveLength(3);
    expect(inspected.trustedRootCaPem).toBeNull();
  });

  it('treats an empty chain field as no chain', async () => {
    const cert = await createTestCertificate();
    const inspected = await inspectImport({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem, chain: '', trustedRootCa: '  ' });
    expect(inspected.chainPem).toEqual([]);
    expect(inspected.chain).toEqual([]);
    expect(inspected.trustedRootCaPem).toBeNull();
  });

  it('verifies an RSA-PSS signature, which parameters in the certificate describe', async () => {
    const ca = createOpensslCertificate({ key: 'rsa:2048', subject: '/CN=PSS Test CA' });
    const leaf = createOpensslCertificate({ key: 'ec:P-256', subject: '/CN=pss.example', issuer: ca, signing: ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'] });
    const inspected = await inspectImport({ certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, trustedRootCa: ca.certificatePem });
    expect(inspected.metadata.signatureAlgorithm).toBe('rsassaPss');
  });
});
