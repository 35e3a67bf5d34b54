import { createTestCertificate, generateTestKeyPair, type TestCertificate } from '@certhub/testing';
import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { kekNeedles, leaksIn, privateKeyNeedles } from './support/secret-material';

/**
 * The test of the test behind "no key material in any log" (secrets.spec.ts): every way of leaking a key
 * that we could think of must be found, and nothing public (the certificate, the public key, another key of
 * the same type) may be mistaken for a leak.
 */
const KEY_TYPES = ['rsa2048', 'p256', 'ed25519'] as const;

const wrap = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'g'))?.join('\n') ?? '';
const logLine = (message: string) => JSON.stringify({ level: 'debug', context: 'CommandHandler', message });

/** Leaks as a careless line of code would write them. */
function leaksOf(cert: TestCertificate): Record<string, string> {
  const key = createPrivateKey(cert.privateKeyPem);
  const jwk = key.export({ format: 'jwk' });
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  const leaks: Record<string, string> = {
    'the PEM in a JSON log line': logLine(`body ${JSON.stringify({ private_key: cert.privateKeyPem })}`),
    'the PEM body re-wrapped at 76': wrap(cert.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----')).join(''), 76),
    'PKCS#8 DER as upper-case hex': logLine(`key=${pkcs8.toString('hex').toUpperCase()}`),
    'PKCS#8 DER as base64 wrapped at 76': wrap(pkcs8.toString('base64'), 76),
    'PKCS#8 DER as base64url': logLine(pkcs8.toString('base64url')),
    'the JWK': logLine(JSON.stringify(jwk)),
    'the private scalar in decimal': logLine(`d=${BigInt(`0x${Buffer.from(jwk.d ?? '', 'base64url').toString('hex')}`).toString(10)}`),
    'the private scalar as util.inspect shows a Buffer': logLine(inspect(Buffer.from(jwk.d ?? '', 'base64url'))),
    'the private scalar as JSON.stringify writes a Buffer': logLine(JSON.stringify({ d: Buffer.from(jwk.d ?? '', 'base64url') })),
  };
  if (cert.keyType === 'rsa2048') {
    leaks['the PKCS#1 PEM'] = String(key.export({ format: 'pem', type: 'pkcs1' }));
    leaks['the prime p as hex'] = Buffer.from(jwk.p ?? '', 'base64url').toString('hex');
  }
  if (cert.keyType === 'p256') leaks['the SEC1 PEM'] = String(key.export({ format: 'pem', type: 'sec1' }));
  return leaks;
}

/** Everything about a certificate that may be printed: its PEM, its DER and its public key in every form. */
function publicMaterial(cert: TestCertificate): string {
  const publicKey = createPublicKey(cert.privateKeyPem);
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return [
    cert.certificatePem,
    Buffer.from(cert.certificate.rawData).toString('hex'),
    Buffer.from(cert.certificate.rawData).toString('base64'),
    JSON.stringify(publicKey.export({ format: 'jwk' })),
    spki.toString('hex'),
    spki.toString('base64'),
    String(publicKey.export({ format: 'pem', type: 'spki' })),
  ].join('\n');
}

describe.each(KEY_TYPES)('secret material of a %s key', (keyType) => {
  let cert: TestCertificate;
  beforeAll(async () => {
    cert = await createTestCertificate({ keyType, keyPair: await generateTestKeyPair(keyType) });
  });

  it('is found however it leaks', () => {
    const needles = privateKeyNeedles(cert.privateKeyPem, keyType);
    for (const [how, leak] of Object.entries(leaksOf(cert))) {
      expect({ how, found: leaksIn(leak, needles).length > 0 }).toEqual({ how, found: true });
    }
  });

  it('is not confused with public material, nor with another key of the same type', async () => {
    const needles = privateKeyNeedles(cert.privateKeyPem, keyType);
    expect(leaksIn(publicMaterial(cert), needles)).toEqual([]);
    const other = await createTestCertificate({ keyType, keyPair: await generateTestKeyPair(keyType) });
    expect(leaksIn(Object.values(leaksOf(other)).join('\n'), needles)).toEqual([]);
  });

  it('is not found by the old check (the first 48 base64 characters) when the key leaks as hex', () => {
    const first48 = cert.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----')).join('').slice(0, 48);
    const hexLeak = leaksOf(cert)['PKCS#8 DER as upper-case hex'] ?? '';
    expect(hexLeak.includes(first48)).toBe(false);
    expect(leaksIn(hexLeak, privateKeyNeedles(cert.privateKeyPem, keyType)).length).toBeGreaterThan(0);
  });
});

describe('secret material of a key-encryption key', () => {
  it('is found as configured, as hex and as base64url, and not in another key', () => {
    const key = randomBytes(32);
    const needles = kekNeedles(`k1:${key.toString('base64')},k2:${randomBytes(32).toString('base64')}`);
    for (const leak of [`CERTHUB_KEKS=k1:${key.toString('base64')}`, logLine(key.toString('hex').toUpperCase()), key.toString('base64url')]) {
      const found = leaksIn(leak, needles);
      expect({ leak, k1: found.length > 0 && found.every((label) => label.startsWith('KEK k1 ')) }).toEqual({ leak, k1: true });
    }
    expect(leaksIn(randomBytes(32).toString('hex'), needles)).toEqual([]);
  });
});
