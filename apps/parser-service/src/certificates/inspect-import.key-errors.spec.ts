import { createTestCertificate, createTestChain, encryptLegacyPrivateKeyPem, encryptPrivateKeyPem, type TestCertificate, type TestChain } from '@certhub/testing';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { type ImportMaterial } from './index';
import { expectInspectionFailure } from './inspect-import.spec-support';
import { encodePem } from './pem/pem-blocks';


let cert: TestCertificate;
beforeAll(async () => {
  cert = await createTestCertificate({ keyType: 'p256' });
});
const withKey = (privateKey: string): ImportMaterial => ({ certificate: cert.certificatePem, privateKey });

describe('KEY_PARSE_FAILED', () => {
  it('for text that is not PEM', () => expectInspectionFailure(withKey('hunter2'), 'KEY_PARSE_FAILED', /not PEM text/));

  it('for two keys', () => expectInspectionFailure(withKey(cert.privateKeyPem + cert.privateKeyPem), 'KEY_PARSE_FAILED', /holds 2 PEM blocks/));

  it('for a certificate in the key field', () => expectInspectionFailure(withKey(cert.certificatePem), 'KEY_PARSE_FAILED', /found a CERTIFICATE\./));

  it('for two keys with explanatory text around them', () =>
    expectInspectionFailure(withKey(`Key Attributes: <No Attributes>\n${cert.privateKeyPem}Key Attributes: <No Attributes>\n${cert.privateKeyPem}`), 'KEY_PARSE_FAILED', /holds 2 PEM blocks/));

  it('for a certificate after the key, as `openssl pkcs12 -nodes` prints both', () =>
    expectInspectionFailure(withKey(`Bag Attributes\n${cert.privateKeyPem}subject=CN = x\n${cert.certificatePem}`), 'KEY_PARSE_FAILED', /holds 2 PEM blocks \(PRIVATE KEY, CERTIFICATE\)/));

  it('for a public key', () =>
    expectInspectionFailure(withKey(createPublicKey(cert.privateKeyPem).export({ type: 'spki', format: 'pem' }).toString()), 'KEY_PARSE_FAILED', /found a PUBLIC KEY/));

  it('for a PRIVATE KEY block that does not decode', () => expectInspectionFailure(withKey(encodePem('PRIVATE KEY', Buffer.from('nonsense'))), 'KEY_PARSE_FAILED', /could not be decoded/));

  it('for an empty field', () => expectInspectionFailure(withKey(''), 'KEY_PARSE_FAILED', /holds no PEM block/));
});

/**
 * OpenSSL loads these without complaint and their public half is the certificate's, yet they cannot sign for it:
 * `openssl pkey -check` refuses them and every TLS handshake with the pair would fail.
 */
describe('KEY_PARSE_FAILED for a key whose private part does not belong to its public key', () => {
  /** The certificate's public numbers with another key's private numbers, in the PEM form asked for. */
  const spliced = (publicPem: string, keyType: 'rsa' | 'ec', format: 'pkcs8' | 'pkcs1' | 'sec1'): string => {
    const other = generateKeyPairSync(keyType as 'rsa', keyType === 'rsa' ? { modulusLength: 2048 } : ({ namedCurve: 'P-256' } as never));
    const mine = createPrivateKey(publicPem).export({ format: 'jwk' });
    const theirs = other.privateKey.export({ format: 'jwk' });
    const publicFields = keyType === 'rsa' ? { n: mine.n, e: mine.e } : { x: mine.x, y: mine.y };
    return createPrivateKey({ key: { ...theirs, ...publicFields }, format: 'jwk' }).export({ type: format, format: 'pem' }).toString();
  };

  it.each(['sec1', 'pkcs8'] as const)('an EC key (%s) holding the certificate\'s point with another scalar', (format) =>
    expectInspectionFailure(withKey(spliced(cert.privateKeyPem, 'ec', format)), 'KEY_PARSE_FAILED', /does not belong to the public key stored with it/));

  it.each(['pkcs1', 'pkcs8'] as const)('an RSA key (%s) holding the certificate\'s n and e with another key\'s private numbers', async (format) => {
    const rsa = await createTestCertificate({ keyType: 'rsa2048' });
    await expectInspectionFailure({ certificate: rsa.certificatePem, privateKey: spliced(rsa.privateKeyPem, 'rsa', format) }, 'KEY_PARSE_FAILED', /does not belong/);
  });
});

describe('KEY_ENCRYPTED', () => {
  it('for an encrypted PKCS#8 key', () => expectInspectionFailure(withKey(encryptPrivateKeyPem(cert.privateKeyPem, 'secret')), 'KEY_ENCRYPTED'));

  it('for a legacy encrypted PKCS#1 key (Proc-Type: 4,ENCRYPTED)', async () => {
    const rsa = await createTestCertificate({ keyType: 'rsa2048' });
    const legacy = encryptLegacyPrivateKeyPem(rsa.privateKeyPem, 'secret');
    expect(legacy).toContain('Proc-Type: 4,ENCRYPTED');
    await expectInspectionFailure({ certificate: rsa.certificatePem, privateKey: legacy }, 'KEY_ENCRYPTED');
  });

  it('for a legacy encrypted SEC1 key', () => expectInspectionFailure(withKey(encryptLegacyPrivateKeyPem(cert.privateKeyPem, 'secret')), 'KEY_ENCRYPTED'));
});

describe('KEY_MISMATCH', () => {
  it.each(['rsa2048', 'p256', 'ed25519'] as const)('for two %s certificates', async (keyType) => {
    const first = await createTestCertificate({ keyType });
    const second = await createTestCertificate({ keyType });
    await expectInspectionFailure({ certificate: first.certificatePem, privateKey: second.privateKeyPem }, 'KEY_MISMATCH');
  });

  it('for a key of another type', async () => {
    const ed = await createTestCertificate({ keyType: 'ed25519' });
    await expectInspectionFailure(withKey(ed.privateKeyPem), 'KEY_MISMATCH', /does not match the certificate "CN=/);
  });
});

/**
 * A key that belongs to an issuer of the first certificate is the wrong key, not a sign of a shuffled upload:
 * putting that issuer first could never verify. Order is reported only when the key's certificate was issued by
 * the one uploaded first (inspect-import.chain-errors.spec.ts).
 */
describe('KEY_MISMATCH for the key of an issuer', () => {
  let chain: TestChain;
  beforeAll(async () => {
    chain = await createTestChain({ depth: 2 });
  });
  /** intermediates[1] issued the leaf, intermediates[0] issued intermediates[1]. */
  const lower = () => chain.intermediates[1];
  const upper = () => chain.intermediates[0];
  const notTheLeafKey = () => `does not match the certificate "CN=${chain.leaf.commonName}"`;

  it('for a correctly ordered fullchain (leaf, then issuer) with the intermediate\'s key', () =>
    expectInspectionFailure({ certificate: chain.leaf.certificatePem + lower().certificatePem, privateKey: lower().privateKeyPem }, 'KEY_MISMATCH', notTheLeafKey()));

  it('for the leaf with its chain in the chain field and the key of the upper intermediate', () =>
    expectInspectionFailure(
      { certificate: chain.leaf.certificatePem, privateKey: upper().privateKeyPem, chain: lower().certificatePem + upper().certificatePem },
      'KEY_MISMATCH',
      notTheLeafKey(),
    ));

  it('for a shuffled chain whose key is still an issuer\'s: reordering would not make it match', () =>
    expectInspectionFailure(
      { certificate: chain.leaf.certificatePem + upper().certificatePem + lower().certificatePem, privateKey: lower().privateKeyPem },
      'KEY_MISMATCH',
      notTheLeafKey(),
    ));

  it('names the issuer the key belongs to', () =>
    expectInspectionFailure(
      { certificate: chain.leaf.certificatePem + lower().certificatePem, privateKey: lower().privateKeyPem },
      'KEY_MISMATCH',
      `it is the key of one of its issuers, "CN=${lower().commonName}"`,
    ));
});
