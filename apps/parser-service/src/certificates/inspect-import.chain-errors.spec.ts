import { chainPemOf, createOpensslCertificate, createTestCertificate, createTestChain, createTestCsrPem, generateTestKeyPair, TEST_DAY_MS, type TestCertificate, type TestChain } from '@certhub/testing';
import { inspectImport, type ImportMaterial } from './index';
import { expectInspectionFailure } from './inspect-import.spec-support';

let chain: TestChain;
let leafUpload: Pick<ImportMaterial, 'certificate' | 'privateKey'>;
beforeAll(async () => {
  chain = await createTestChain({ depth: 2 });
  leafUpload = { certificate: chain.leaf.certificatePem, privateKey: chain.leaf.privateKeyPem };
});
/** intermediates[1] issued the leaf, intermediates[0] issued intermediates[1]. */
const lower = () => chain.intermediates[1];
const upper = () => chain.intermediates[0];

describe('CHAIN_PARSE_FAILED', () => {
  it('for text that is not PEM', () => expectInspectionFailure({ ...leafUpload, chain: 'garbage' }, 'CHAIN_PARSE_FAILED', /certificate chain is not PEM text/));

  it('for a private key in the chain field', () =>
    expectInspectionFailure({ ...leafUpload, chain: chain.leaf.privateKeyPem }, 'CHAIN_PARSE_FAILED', 'expected a CERTIFICATE block but found a PRIVATE KEY'));

  it('for a CSR in the chain field', async () => expectInspectionFailure({ ...leafUpload, chain: await createTestCsrPem() }, 'CHAIN_PARSE_FAILED', /CERTIFICATE REQUEST/));

  it('for an unreadable trusted root', () =>
    expectInspectionFailure({ ...leafUpload, trustedRootCa: chain.root.certificatePem.replace(/-----END CERTIFICATE-----\n$/, '') }, 'CHAIN_PARSE_FAILED', /trusted root CA has a block starting on line 1 without an END line/));

  it('for a private key among explanatory text in the chain field', () =>
    expectInspectionFailure({ ...leafUpload, chain: `${lower().certificatePem}Key Attributes: <No Attributes>\n${chain.leaf.privateKeyPem}` }, 'CHAIN_PARSE_FAILED', /found a PRIVATE KEY \(block 2/));

  it('for two certificates as trusted root', () =>
    expectInspectionFailure({ ...leafUpload, trustedRootCa: chain.root.certificatePem + upper().certificatePem }, 'CHAIN_PARSE_FAILED', /holds 2 certificates/));
});

describe('CHAIN_ORDER_INVALID', () => {
  it('for a reversed chain of two intermediates, naming the right order', () =>
    expectInspectionFailure(
      { ...leafUpload, chain: upper().certificatePem + lower().certificatePem },
      'CHAIN_ORDER_INVALID',
      `the server certificate must come first, then its issuer, then that issuer's issuer, up to the root. ` +
        `Put the chain certificates in this order: 1. "CN=${lower().commonName}", 2. "CN=${upper().commonName}".`,
    ));

  it('for a reversed fullchain in the certificate field', () =>
    expectInspectionFailure({ ...leafUpload, certificate: chain.leaf.certificatePem + upper().certificatePem + lower().certificatePem }, 'CHAIN_ORDER_INVALID'));

  it('when the key belongs to a later certificate in the certificate field', () =>
    expectInspectionFailure({ ...leafUpload, certificate: lower().certificatePem + chain.leaf.certificatePem }, 'CHAIN_ORDER_INVALID', /the server certificate must come first/));

  it('when the key belongs to the server certificate uploaded in the chain field, below its issuer', () =>
    expectInspectionFailure({ ...leafUpload, certificate: lower().certificatePem, chain: chain.leaf.certificatePem }, 'CHAIN_ORDER_INVALID', /the server certificate must come first/));

  it('when a fullchain is pasted root-side first and the key is the server certificate\'s', () =>
    expectInspectionFailure({ ...leafUpload, certificate: upper().certificatePem + lower().certificatePem + chain.leaf.certificatePem }, 'CHAIN_ORDER_INVALID', /the server certificate must come first/));

  it('when the chain only verifies below the trusted root in another order', () =>
    expectInspectionFailure({ ...leafUpload, chain: upper().certificatePem + lower().certificatePem, trustedRootCa: chain.root.certificatePem }, 'CHAIN_ORDER_INVALID'));
});

/** Names and signatures link up, yet no client would take the issuer: `openssl verify` fails at depth 1. */
describe('CHAIN_BROKEN for an issuer clients refuse', () => {
  const days = (count: number) => new Date(Date.now() + count * TEST_DAY_MS);
  const issuedBy = async (issuer: TestCertificate) => {
    const leaf = await createTestCertificate({ issuer });
    return { certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, chain: issuer.certificatePem };
  };

  it('that is not a CA (basicConstraints CA:FALSE)', async () => {
    const notCa = await createTestCertificate({ isCa: false, issuer: chain.root });
    await expectInspectionFailure(await issuedBy(notCa), 'CHAIN_BROKEN', /chain certificate 1 "CN=.*" cannot issue certificates: its key usage does not allow signing certificates/);
  });

  it('that has no basicConstraints, though its key usage allows signing certificates (OpenSSL error 79)', async () => {
    const keyUsageOnly = await createTestCertificate({ isCa: true, issuer: chain.root, basicConstraints: 'omitted' });
    await expectInspectionFailure(await issuedBy(keyUsageOnly), 'CHAIN_BROKEN', /chain certificate 1 "CN=.*" cannot issue certificates: it has no basic constraints marking it as a CA/);
  });

  it('that has more CAs below it than its path length allows (OpenSSL error 25)', async () => {
    const top = await createTestCertificate({ isCa: true, issuer: chain.root, basicConstraints: { pathLength: 0 } });
    const lower = await createTestCertificate({ isCa: true, issuer: top });
    const leaf = await createTestCertificate({ issuer: lower });
    await expectInspectionFailure(
      { certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, chain: lower.certificatePem + top.certificatePem },
      'CHAIN_BROKEN',
      /chain certificate 2 "CN=.*" allows at most 0 intermediate CA certificates below it \(pathlen:0\), and the chain has 1/,
    );
    const direct = await createTestCertificate({ issuer: top });
    await expect(inspectImport({ certificate: direct.certificatePem, privateKey: direct.privateKeyPem, chain: top.certificatePem })).resolves.toBeDefined();
  });

  it('but not for a cross-signed copy of the trusted root ending the chain, even an expired one: clients stop at the root', async () => {
    const newRoot = await createTestCertificate({ isCa: true });
    const oldRoot = await createTestCertificate({ isCa: true });
    const crossSigned = await createTestCertificate({ isCa: true, issuer: oldRoot, keyPair: newRoot.keyPair, commonName: newRoot.commonName, notBefore: days(-400), notAfter: days(-1) });
    const intermediate = await createTestCertificate({ isCa: true, issuer: newRoot });
    const leaf = await createTestCertificate({ issuer: intermediate });
    const upload = { certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, chain: intermediate.certificatePem + crossSigned.certificatePem };
    await expect(inspectImport({ ...upload, trustedRootCa: newRoot.certificatePem })).resolves.toBeDefined();
    // Without the root, the expired cross-sign is what clients get: refused as before.
    await expectInspectionFailure(upload, 'CHAIN_BROKEN', /chain certificate 2 "CN=.*" expired on/);
  });

  it('that has expired', async () => {
    const expired = await createTestCertificate({ isCa: true, issuer: chain.root, notBefore: days(-40), notAfter: days(-10) });
    await expectInspectionFailure(await issuedBy(expired), 'CHAIN_BROKEN', /chain certificate 1 "CN=.*" expired on .*leave it out/);
  });

  it('that is not valid yet', async () => {
    const early = await createTestCertificate({ isCa: true, issuer: chain.root, notBefore: days(2), notAfter: days(400) });
    await expectInspectionFailure(await issuedBy(early), 'CHAIN_BROKEN', /chain certificate 1 "CN=.*" is not valid before/);
  });

  it('that carries a critical extension clients do not process', async () => {
    const odd = createOpensslCertificate({
      key: 'ec:P-256',
      subject: '/CN=Odd Issuing CA',
      extensions: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign', '1.3.6.1.4.1.55555.1=critical,ASN1:NULL'],
      issuer: chain.root,
    });
    const leaf = createOpensslCertificate({ key: 'ec:P-256', subject: '/CN=leaf.example.com', extensions: ['subjectAltName=DNS:leaf.example.com'], issuer: odd });
    await expectInspectionFailure({ certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, chain: odd.certificatePem }, 'CHAIN_BROKEN', /chain certificate 1 "CN=Odd Issuing CA" marks extension 1\.3\.6\.1\.4\.1\.55555\.1 as critical/);
  });

  it('but not for a root sent at the end of the chain: clients take their own, so its dates and extensions do not count', async () => {
    const oldRoot = await createTestCertificate({ isCa: true, notBefore: days(-400), notAfter: days(-1) });
    const intermediate = await createTestCertificate({ isCa: true, issuer: oldRoot });
    const leaf = await createTestCertificate({ issuer: intermediate });
    await expect(inspectImport({ certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, chain: intermediate.certificatePem + oldRoot.certificatePem })).resolves.toBeDefined();
  });

  it('given as the trusted root and expired', async () => {
    const root = await createTestCertificate({ isCa: true, notBefore: days(-400), notAfter: days(-1) });
    const leaf = await createTestCertificate({ issuer: root });
    await expectInspectionFailure({ certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, trustedRootCa: root.certificatePem }, 'CHAIN_BROKEN', /the trusted root CA "CN=.*" expired/);
  });
});

describe('CHAIN_BROKEN', () => {
  it('for an unrelated CA, naming both names', async () => {
    const stranger = await createTestCertificate({ isCa: true });
    await expectInspectionFailure(
      { ...leafUpload, chain: stranger.certificatePem },
      'CHAIN_BROKEN',
      `the server certificate "CN=${chain.leaf.commonName}" was issued by "CN=${lower().commonName}", but the next certificate, chain certificate 1, is "CN=${stranger.commonName}"`,
    );
  });

  it('for a CA with the right name but another key', async () => {
    // A fresh key, not a pooled one: the pool could hand back the real intermediate's key.
    const impostor = await createTestCertificate({ isCa: true, commonName: lower().commonName, keyPair: await generateTestKeyPair('p256') });
    await expectInspectionFailure({ ...leafUpload, chain: impostor.certificatePem }, 'CHAIN_BROKEN', /does not verify with the key of chain certificate 1 .*although the names match/);
  });

  it('for a missing intermediate', () => expectInspectionFailure({ ...leafUpload, chain: upper().certificatePem }, 'CHAIN_BROKEN', /was issued by/));

  it('for a trusted root that did not issue the last chain certificate', async () => {
    const otherRoot = await createTestCertificate({ isCa: true });
    await expectInspectionFailure({ ...leafUpload, chain: chainPemOf(chain), trustedRootCa: otherRoot.certificatePem }, 'CHAIN_BROKEN', /the next certificate, the trusted root CA/);
  });

  it('for a chain that has an unrelated certificate among the right ones', async () => {
    const stranger = await createTestCertificate({ isCa: true });
    await expectInspectionFailure({ ...leafUpload, chain: chainPemOf(chain) + stranger.certificatePem }, 'CHAIN_BROKEN', /chain certificate 2 .* chain certificate 3/);
  });
});
