import type { KeyEncryptionKeyring } from '@certhub/config';
import { kekCheckValue, sealCredentialSecret, sealPrivateKey, type Kek } from '@certhub/key-envelope';
import { randomBytes } from 'node:crypto';
import { keyringProblems } from './keyring-problems';

const kek = (id: string): Kek => ({ id, key: randomBytes(32) });
const keyring = (...keys: Kek[]): KeyEncryptionKeyring => ({ active: keys[0] as Kek, byId: new Map(keys.map((key) => [key.id, key])) });

describe('keyringProblems: may storage start with these KEKs?', () => {
  const k1 = kek('k1');
  const stored = { what: 'certificate key', envelope: sealPrivateKey(randomBytes(64), 'team-a', k1) };

  it('accepts the KEKs the data was sealed with, an empty database, and a rotation in progress', () => {
    expect(keyringProblems(keyring(k1), { newest: [stored], recorded: new Map([['k1', kekCheckValue(k1)]]) })).toEqual([]);
    expect(keyringProblems(keyring(kek('k1')), { newest: [], recorded: new Map() })).toEqual([]);
    const k2 = kek('k2');
    const secret = { what: 'AccessKey secret', envelope: sealCredentialSecret(randomBytes(30), 'LTAI1', k2) };
    expect(keyringProblems(keyring(k2, k1), { newest: [stored, secret], recorded: new Map([['k1', kekCheckValue(k1)]]) })).toEqual([]);
  });

  it('refuses a key generated afresh under the same id: by its check value, and by the newest data key', () => {
    const regenerated = kek('k1');
    expect(keyringProblems(keyring(regenerated), { newest: [], recorded: new Map([['k1', kekCheckValue(k1)]]) })).toEqual([
      'CERTHUB_KEKS key "k1" is not the key that id named before (its check value differs)',
    ]);
    // A database from before check values were recorded: the newest envelope still tells.
    expect(keyringProblems(keyring(regenerated), { newest: [stored], recorded: new Map() })).toEqual([
      'the newest stored certificate key, sealed under "k1", does not open: the expected data key does not open under "k1"',
    ]);
  });

  it('refuses a keyring without the key the newest data was sealed with', () => {
    expect(keyringProblems(keyring(kek('k2')), { newest: [stored], recorded: new Map() })).toEqual([
      'the newest stored certificate key, sealed under "k1", does not open: key-encryption key "k1" is not configured here',
    ]);
  });
});
