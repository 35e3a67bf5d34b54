import type { EncryptedKeyEnvelope } from '@certhub/contracts';
import { isSealedListRequest, readRewrapRequest } from './rotation-requests';

const envelope: EncryptedKeyEnvelope = { algorithm: 'AES-256-GCM', kekId: 'k1', wrappedDataKey: 'w1', iv: 'iv', authTag: 'tag', ciphertext: 'ct' };

describe('key rotation requests from the bus', () => {
  it('accepts a rewrap that changes only the KEK id and wrapped data key', () => {
    const request = { kind: 'certificate-key', id: '7', expected: envelope, replacement: { ...envelope, kekId: 'k2', wrappedDataKey: 'w2' } };
    expect(readRewrapRequest(request)).toEqual(request);
  });

  it.each(['iv', 'authTag', 'ciphertext'] as const)('refuses a rewrap that changes the sealed key (%s)', (field) => {
    const request = { kind: 'certificate-key', id: '7', expected: envelope, replacement: { ...envelope, [field]: 'other' } };
    expect(readRewrapRequest(request)).toBe(`a rewrap may not change ${field}`);
  });

  it('refuses operator objects and extra fields in place of an envelope', () => {
    expect(readRewrapRequest({ kind: 'certificate-key', id: '7', expected: { $ne: null }, replacement: envelope })).toMatch(/envelopes/);
    expect(readRewrapRequest({ kind: 'certificate-key', id: '7', expected: envelope, replacement: { ...envelope, extra: 'x' } })).toMatch(/envelopes/);
    expect(readRewrapRequest({ kind: 'certificates', id: '7', expected: envelope, replacement: envelope })).toMatch(/kind and id/);
  });

  it('bounds list pages and checks their shape', () => {
    expect(isSealedListRequest({ kind: 'credential-secret', notKekId: 'k2', after: null, limit: 200 })).toBe(true);
    expect(isSealedListRequest({ kind: 'credential-secret', notKekId: 'k2', after: null, limit: 5_000 })).toBe(false);
    expect(isSealedListRequest({ kind: 'credential-secret', notKekId: { $gt: '' }, after: null, limit: 10 })).toBe(false);
  });
});
