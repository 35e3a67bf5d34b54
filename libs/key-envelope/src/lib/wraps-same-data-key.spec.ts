import { randomBytes } from 'node:crypto';
import { rewrapEnvelope, sealCredentialSecret, sealPrivateKey, wrapsSameDataKey, type Kek } from './envelope';

const kek = (id: string): Kek => ({ id, key: randomBytes(32) });

describe('wrapsSameDataKey: accepting a re-wrap computed elsewhere', () => {
  const old = kek('k1');
  const next = kek('k2');
  const keks = new Map([old, next].map((key) => [key.id, key]));
  const original = sealPrivateKey(randomBytes(64), 'team-a', old);

  it('accepts an honest re-wrap under the new KEK', () => {
    expect(wrapsSameDataKey(original, rewrapEnvelope(original, keks, next), keks)).toEqual({ ok: true });
  });

  it('refuses a replacement that wraps another data key, even one sealed under the right KEK', () => {
    const other = sealPrivateKey(randomBytes(64), 'team-a', next);
    expect(wrapsSameDataKey(original, { ...original, kekId: 'k2', wrappedDataKey: other.wrappedDataKey }, keks)).toEqual({
      ok: false,
      problem: 'the replacement wraps a different data key',
    });
  });

  it('refuses a replacement that does not open under the KEK it names', () => {
    const rewrapped = rewrapEnvelope(original, keks, next);
    expect(wrapsSameDataKey(original, { ...rewrapped, kekId: 'k1' }, keks)).toEqual({ ok: false, problem: 'the replacement data key does not open under "k1"' });
  });

  it('refuses when the expected envelope does not open under its own KEK', () => {
    const forged = { ...original, wrappedDataKey: sealCredentialSecret(randomBytes(8), 'LTAIxxxxxxxx', next).wrappedDataKey };
    expect(wrapsSameDataKey(forged, rewrapEnvelope(original, keks, next), keks)).toEqual({ ok: false, problem: 'the expected data key does not open under "k1"' });
  });

  it('refuses when either KEK is not configured here', () => {
    const rewrapped = rewrapEnvelope(original, keks, next);
    expect(wrapsSameDataKey(original, rewrapped, new Map([[old.id, old]]))).toEqual({ ok: false, problem: 'key-encryption key "k2" is not configured here' });
    expect(wrapsSameDataKey(original, rewrapped, new Map([[next.id, next]]))).toEqual({ ok: false, problem: 'key-encryption key "k1" is not configured here' });
  });
});
