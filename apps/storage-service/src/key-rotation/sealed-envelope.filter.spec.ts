import type { EncryptedKeyEnvelope } from '@certhub/contracts';
import { envelopeUnchangedFilter } from './sealed-envelope.filter';

const envelope: EncryptedKeyEnvelope = { algorithm: 'AES-256-GCM', kekId: 'k1', wrappedDataKey: 'w', iv: 'i', authTag: 't', ciphertext: 'c' };

describe('envelopeUnchangedFilter', () => {
  it('compares every field of the stored envelope, the iv and tag included', () => {
    expect(envelopeUnchangedFilter('privateKey', envelope)).toEqual({
      'privateKey.algorithm': 'AES-256-GCM',
      'privateKey.kekId': 'k1',
      'privateKey.wrappedDataKey': 'w',
      'privateKey.iv': 'i',
      'privateKey.authTag': 't',
      'privateKey.ciphertext': 'c',
    });
  });
});
