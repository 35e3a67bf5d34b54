import { randomBytes } from 'node:crypto';
import { openCredentialSecret, openPrivateKey, rewrapEnvelope, sealCredentialSecret, sealPrivateKey, type Kek } from './envelope';

const kek = (id: string): Kek => ({ id, key: randomBytes(32) });
const secret = Buffer.from('-----pretend PKCS#8 DER bytes-----');

describe('private key envelopes', () => {
  const current = kek('k1');
  const keys = new Map([[current.id, current]]);

  it('round-trips and never contains the clear key', () => {
    const envelope = sealPrivateKey(secret, 'team-a', current);
    expect(JSON.stringify(envelope)).not.toContain(secret.toString('base64'));
    expect(envelope.kekId).toBe('k1');
    expect(openPrivateKey(envelope, 'team-a', keys)).toEqual(secret);
  });

  it('uses a fresh data key and IV every time', () => {
    const a = sealPrivateKey(secret, 'team-a', current);
    const b = sealPrivateKey(secret, 'team-a', current);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.wrappedDataKey).not.toBe(b.wrappedDataKey);
  });

  it('does not open for another tenant', () => {
    const envelope = sealPrivateKey(secret, 'team-a', current);
    expect(() => openPrivateKey(envelope, 'team-b', keys)).toThrow();
  });

  it('detects tampering with the ciphertext or the wrapped key', () => {
    const envelope = sealPrivateKey(secret, 'team-a', current);
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[bytes.length - 1] ^= 1;
      return bytes.toString('base64');
    };
    expect(() => openPrivateKey({ ...envelope, ciphertext: flip(envelope.ciphertext) }, 'team-a', keys)).toThrow();
    expect(() => openPrivateKey({ ...envelope, wrappedDataKey: flip(envelope.wrappedDataKey) }, 'team-a', keys)).toThrow();
  });

  it('rotates by re-wrapping the data key only; the old KEK can then be retired', () => {
    const next = kek('k2');
    const envelope = sealPrivateKey(secret, 'team-a', current);
    const rotated = rewrapEnvelope(envelope, new Map([[current.id, current], [next.id, next]]), next);
    expect(rotated.kekId).toBe('k2');
    expect(rotated.ciphertext).toBe(envelope.ciphertext);
    expect(openPrivateKey(rotated, 'team-a', new Map([[next.id, next]]))).toEqual(secret);
    expect(() => openPrivateKey(envelope, 'team-a', new Map([[next.id, next]]))).toThrow(/unknown key-encryption key "k1"/);
  });

  it('refuses a KEK id that was swapped without re-wrapping', () => {
    const other = kek('k2');
    const envelope = sealPrivateKey(secret, 'team-a', current);
    expect(() => openPrivateKey({ ...envelope, kekId: 'k2' }, 'team-a', new Map([[other.id, other]]))).toThrow();
  });
});

describe('credential secret envelopes', () => {
  const current = kek('k1');
  const keys = new Map([[current.id, current]]);
  const accessKeySecret = Buffer.from('an AccessKey secret');

  it('round-trips for the credential it was sealed for', () => {
    const envelope = sealCredentialSecret(accessKeySecret, 'LTAIexample', current);
    expect(openCredentialSecret(envelope, 'LTAIexample', keys)).toEqual(accessKeySecret);
  });

  it('does not open for another credential, nor as a private key', () => {
    const envelope = sealCredentialSecret(accessKeySecret, 'LTAIexample', current);
    expect(() => openCredentialSecret(envelope, 'LTAIother', keys)).toThrow();
    expect(() => openPrivateKey(envelope, 'LTAIexample', keys)).toThrow();
  });
});
