import { createTestCertificate, createTestChain, generateTestKeyPair, type TestCertificate } from '@certhub/testing';
import { randomBytes } from 'node:crypto';
import { type ImportMaterial } from './index';
import { derOf, inspectionOutcome } from './inspect-import.spec-support';
import { encodePem } from './pem/pem-blocks';


let cert: TestCertificate;
beforeAll(async () => {
  cert = await createTestCertificate({ keyType: 'p256' });
});

describe('inspectImport never throws anything but a CerthubError', () => {
  it('for random bytes decoded as text in every field', async () => {
    for (let round = 0; round < 50; round++) {
      const noise = () => randomBytes(200 + round * 10).toString('latin1');
      await expect(inspectionOutcome({ certificate: noise(), privateKey: cert.privateKeyPem })).resolves.toBe('CERT_PARSE_FAILED');
      await expect(inspectionOutcome({ certificate: cert.certificatePem, privateKey: noise() })).resolves.toBe('KEY_PARSE_FAILED');
      await expect(inspectionOutcome({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem, chain: noise() })).resolves.toBe('CHAIN_PARSE_FAILED');
    }
  });

  it('for random bytes inside PEM armour', async () => {
    for (let round = 0; round < 50; round++) {
      const noise = randomBytes(1 + round * 20);
      await expect(inspectionOutcome({ certificate: encodePem('CERTIFICATE', noise), privateKey: cert.privateKeyPem })).resolves.toBe('CERT_PARSE_FAILED');
      await expect(inspectionOutcome({ certificate: cert.certificatePem, privateKey: encodePem('PRIVATE KEY', noise) })).resolves.toBe('KEY_PARSE_FAILED');
      await expect(inspectionOutcome({ certificate: cert.certificatePem, privateKey: encodePem('EC PRIVATE KEY', noise) })).resolves.toBe('KEY_PARSE_FAILED');
    }
  });

  it('for every single-byte corruption of a real certificate', async () => {
    const der = derOf(cert.certificatePem);
    const outcomes = new Set<string>();
    for (let offset = 0; offset < der.length; offset++) {
      const corrupted = Buffer.from(der);
      corrupted[offset] ^= 0xff;
      outcomes.add(await inspectionOutcome({ certificate: encodePem('CERTIFICATE', corrupted), privateKey: cert.privateKeyPem }));
    }
    expect(outcomes.has('CERT_PARSE_FAILED')).toBe(true);
    expect([...outcomes].every((code) => ['accepted', 'CERT_PARSE_FAILED', 'CERT_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_UNSUPPORTED_KEY', 'KEY_MISMATCH'].includes(code))).toBe(true);
  });

  it('for every single-byte corruption of a chain certificate', async () => {
    const chain = await createTestChain({ depth: 1 });
    const der = derOf(chain.intermediates[0].certificatePem);
    for (let offset = 0; offset < der.length; offset += 3) {
      const corrupted = Buffer.from(der);
      corrupted[offset] ^= 0x5a;
      const outcome = await inspectionOutcome({ certificate: chain.leaf.certificatePem, privateKey: chain.leaf.privateKeyPem, chain: encodePem('CERTIFICATE', corrupted) });
      expect(['accepted', 'CHAIN_PARSE_FAILED', 'CHAIN_BROKEN']).toContain(outcome);
    }
  });

  it('for huge inputs, quickly', async () => {
    const started = Date.now();
    const huge = `${cert.certificatePem}${'A'.repeat(5_000_000)}`;
    await expect(inspectionOutcome({ certificate: huge, privateKey: cert.privateKeyPem })).resolves.toBe('CERT_PARSE_FAILED');
    await expect(inspectionOutcome({ certificate: cert.certificatePem, privateKey: huge })).resolves.toBe('KEY_PARSE_FAILED');
    await expect(inspectionOutcome({ certificate: cert.certificatePem, privateKey: cert.privateKeyPem, chain: '\n'.repeat(900_000) })).resolves.toBe('accepted');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('for a chain of look-alike CAs that no order can fix, without trying every order', async () => {
    const keyPair = await generateTestKeyPair('p256');
    const twins = [];
    for (let i = 0; i < 12; i++) twins.push(await createTestCertificate({ isCa: true, commonName: 'Twin CA', keyPair }));
    const leaf = await createTestCertificate({ issuer: twins[0] });
    const stranger = await createTestCertificate({ isCa: true });
    const started = Date.now();
    const outcome = await inspectionOutcome({ certificate: leaf.certificatePem, privateKey: leaf.privateKeyPem, chain: twins.map((twin) => twin.certificatePem).join(''), trustedRootCa: stranger.certificatePem });
    expect(outcome).toBe('CHAIN_BROKEN');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('for values that are not strings at all', async () => {
    const material = { certificate: 42, privateKey: null } as unknown as ImportMaterial;
    await expect(inspectionOutcome(material)).resolves.toBe('CERT_PARSE_FAILED');
  });
});
