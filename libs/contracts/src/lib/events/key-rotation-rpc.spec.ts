import { randomBytes } from 'node:crypto';
import type { EncryptedKeyEnvelope } from '../models/encrypted-key';
import { validatePayload } from '../validation/validate-payload';
import { RewrapRequest, SealedListRequest } from './key-rotation-rpc';

const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
const envelope: EncryptedKeyEnvelope = { algorithm: 'AES-256-GCM', kekId: 'k1', wrappedDataKey: b64(60), iv: b64(12), authTag: b64(16), ciphertext: b64(120) };
const rewrapped: EncryptedKeyEnvelope = { ...envelope, kekId: 'k2', wrappedDataKey: b64(60) };
const rewrap = { kind: 'certificate-key', id: '7', expected: envelope, replacement: rewrapped };

function problemsOf(cls: typeof RewrapRequest | typeof SealedListRequest, raw: unknown): string {
  const result = validatePayload<object>(cls, raw);
  return result.ok ? '' : result.problems.join('; ');
}

describe('RewrapRequest', () => {
  it('accepts a rewrap that changes only the KEK id and the wrapped data key', () => {
    const result = validatePayload(RewrapRequest, rewrap);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.replacement).toEqual(rewrapped);
  });

  it('accepts credential ids for credential secrets', () => {
    expect(problemsOf(RewrapRequest, { ...rewrap, kind: 'credential-secret', id: 'LTAIabcdefghijklmnopqrst' })).toBe('');
  });

  it.each([
    ['iv', b64(12)],
    ['authTag', b64(16)],
    ['ciphertext', b64(120)],
  ])('refuses a rewrap that changes the sealed value (%s)', (field, other) => {
    expect(problemsOf(RewrapRequest, { ...rewrap, replacement: { ...rewrapped, [field]: other } })).toContain(`a rewrap may not change ${field}`);
  });

  it('refuses any algorithm but AES-256-GCM, on either side', () => {
    expect(problemsOf(RewrapRequest, { ...rewrap, replacement: { ...rewrapped, algorithm: 'AES-128-GCM' } })).toContain(
      'replacement.algorithm must be equal to AES-256-GCM',
    );
  });

  it.each([
    ['an operator object as envelope', { ...rewrap, expected: { $ne: null } }, 'expected may hold'],
    ['an extra envelope field', { ...rewrap, replacement: { ...rewrapped, extra: 'x' } }, 'replacement may hold'],
    ['an array as envelope', { ...rewrap, expected: [envelope] }, 'expected must be an object'],
    ['a string as envelope', { ...rewrap, expected: 'x' }, 'expected must be an object'],
    ['an unknown kind', { ...rewrap, kind: 'certificates' }, 'kind must be one of'],
    ['a non-numeric certificate id', { ...rewrap, id: 'abc' }, 'id must be a certificate id'],
    ['an operator object as id', { ...rewrap, id: { $gt: '' } }, 'id must be a certificate id'],
    ['a certificate id beyond safe integers', { ...rewrap, id: '9'.repeat(16) }, 'id must be a certificate id'],
    ['a short credential id', { ...rewrap, kind: 'credential-secret', id: 'short' }, 'id must be a certificate id'],
    ['a KEK id with a dot', { ...rewrap, replacement: { ...rewrapped, kekId: 'k.2' } }, 'replacement.kekId must be'],
    ['a wrapped data key of the wrong length', { ...rewrap, replacement: { ...rewrapped, wrappedDataKey: b64(57) } }, 'replacement.wrappedDataKey must be longer than or equal to 80'],
    ['a ciphertext that is not base64', { ...rewrap, expected: { ...envelope, ciphertext: '$$$' }, replacement: { ...rewrapped, ciphertext: '$$$' } }, 'ciphertext must be base64'],
    ['an oversized ciphertext', { ...rewrap, expected: { ...envelope, ciphertext: 'A'.repeat(32_772) } }, 'expected.ciphertext must be shorter'],
  ])('refuses %s', (_label, raw, problem) => expect(problemsOf(RewrapRequest, raw)).toContain(problem));
});

describe('SealedListRequest', () => {
  const list = { kind: 'credential-secret', notKekId: 'k2', after: null, limit: 200 };

  it('accepts a first page, a page after an id, and no after at all', () => {
    expect(problemsOf(SealedListRequest, list)).toBe('');
    expect(problemsOf(SealedListRequest, { ...list, after: 'tok_abcdefghijkl' })).toBe('');
    expect(problemsOf(SealedListRequest, { kind: 'certificate-key', notKekId: 'k2', limit: 1, after: '42' })).toBe('');
    expect(problemsOf(SealedListRequest, { kind: 'certificate-key', notKekId: 'k2', limit: 1 })).toBe('');
    expect(problemsOf(SealedListRequest, { kind: 'certificate-version-key', notKekId: 'k2', limit: 1, after: '42.3' })).toBe('');
  });

  it.each([
    ['a limit over the maximum', { ...list, limit: 1_001 }, 'limit must not be greater than 1000'],
    ['a zero limit', { ...list, limit: 0 }, 'limit must not be less than 1'],
    ['a limit as string', { ...list, limit: '10' }, 'limit must be an integer'],
    ['an operator object as KEK id', { ...list, notKekId: { $gt: '' } }, 'notKekId must be a string'],
    ['an empty KEK id', { ...list, notKekId: '' }, 'notKekId must be 1-32'],
    ['an operator object as after', { ...list, after: { $gt: '' } }, 'after must be a certificate id'],
    ['a non-numeric after for certificate keys', { ...list, kind: 'certificate-key', after: 'abc' }, 'after must be a certificate id'],
    ['a certificate id without its version for version keys', { ...list, kind: 'certificate-version-key', after: '42' }, 'after must be a certificate id'],
    ['a version key with an operator-like version', { ...list, kind: 'certificate-version-key', after: '42.$gt' }, 'after must be a certificate id'],
    ['an unknown kind', { ...list, kind: 'all' }, 'kind must be one of'],
  ])('refuses %s', (_label, raw, problem) => expect(problemsOf(SealedListRequest, raw)).toContain(problem));
});
