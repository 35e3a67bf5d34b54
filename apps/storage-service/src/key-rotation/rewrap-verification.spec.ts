import type { KeyEncryptionKeyring } from '@certhub/config';
import type { RewrapRequest } from '@certhub/contracts';
import { rewrapEnvelope, sealPrivateKey, type Kek } from '@certhub/key-envelope';
import { randomBytes } from 'node:crypto';
import { rewrapRefusal } from './rewrap-verification';

const kek = (id: string): Kek => ({ id, key: randomBytes(32) });
const old = kek('k1');
const next = kek('k2');
const keyring = (...keys: Kek[]): KeyEncryptionKeyring => ({ active: keys[0] ?? next, byId: new Map(keys.map((key) => [key.id, key])) });
const both = keyring(next, old);

const expected = sealPrivateKey(randomBytes(1_200), 'team-a', old);
const honest: RewrapRequest = { kind: 'certificate-key', id: '7', expected, replacement: rewrapEnvelope(expected, both.byId, next) };

describe('rewrapRefusal: storage checks the data key before it stores a rewrap', () => {
  it('lets an honest re-wrap under the new KEK through', () => {
    expect(rewrapRefusal(honest, both)).toBeNull();
  });

  it('refuses every rewrap when storage has no KEKs', () => {
    expect(rewrapRefusal(honest, undefined)).toMatch(/storage has no CERTHUB_KEKS/);
  });

  it('refuses when storage lacks the new KEK or the old one', () => {
    expect(rewrapRefusal(honest, keyring(old))).toBe('rewrap refused: key-encryption key "k2" is not configured here');
    expect(rewrapRefusal(honest, keyring(next))).toBe('rewrap refused: key-encryption key "k1" is not configured here');
  });

  it('refuses a replacement wrapping a data key of the caller\'s own', () => {
    const planted = sealPrivateKey(randomBytes(1_200), 'team-a', next).wrappedDataKey;
    expect(rewrapRefusal({ ...honest, replacement: { ...honest.replacement, wrappedDataKey: planted } }, both)).toBe(
      'rewrap refused: the replacement wraps a different data key',
    );
  });

  it('refuses a replacement that does not open under the KEK it names', () => {
    const garbage = randomBytes(60).toString('base64');
    expect(rewrapRefusal({ ...honest, replacement: { ...honest.replacement, wrappedDataKey: garbage } }, both)).toBe(
      'rewrap refused: the replacement data key does not open under "k2"',
    );
  });

  it('refuses when the expected envelope does not open under the old KEK', () => {
    const forged = { ...expected, wrappedDataKey: randomBytes(60).toString('base64') };
    expect(rewrapRefusal({ ...honest, expected: forged }, both)).toBe('rewrap refused: the expected data key does not open under "k1"');
  });
});
