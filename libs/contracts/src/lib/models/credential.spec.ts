import { randomBytes } from 'node:crypto';
import { validatePayload } from '../validation/validate-payload';
import { CredentialCreateRequest, hashToken, readCredentialResolveRequest } from './credential';
import type { EncryptedKeyEnvelope } from './encrypted-key';

const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
const sealedSecret: EncryptedKeyEnvelope = { algorithm: 'AES-256-GCM', kekId: 'k1', wrappedDataKey: b64(60), iv: b64(12), authTag: b64(16), ciphertext: b64(30) };
const token = { id: 'tok_abcdefghijkl', kind: 'token', tenantId: 'team-a', tokenHash: hashToken('cht_x'), sealedSecret: null, description: '' };
const accessKey = { id: 'LTAIabcdefghijklmnopqrst', kind: 'access-key', tenantId: 'team-a', tokenHash: null, sealedSecret, description: 'ci' };

const problemsOf = (raw: unknown): string => {
  const result = validatePayload(CredentialCreateRequest, raw);
  return result.ok ? '' : result.problems.join('; ');
};

describe('CredentialCreateRequest', () => {
  it('accepts a token with its hash and an access key with its sealed secret', () => {
    expect(problemsOf(token)).toBe('');
    expect(problemsOf(accessKey)).toBe('');
  });

  it.each([
    ['a token without hash', { ...token, tokenHash: null }, 'tokenHash must be a string'],
    ['a token hash in upper case', { ...token, tokenHash: hashToken('x').toUpperCase() }, 'tokenHash must be the SHA-256'],
    ['a token with a sealed secret', { ...token, sealedSecret }, 'sealedSecret is for access-key credentials only'],
    ['an access key without sealed secret', { ...accessKey, sealedSecret: null }, 'sealedSecret must be an object'],
    ['an access key with a token hash', { ...accessKey, tokenHash: hashToken('x') }, 'tokenHash is for token credentials only'],
    ['an operator object as sealed secret', { ...accessKey, sealedSecret: { $ne: null } }, 'sealedSecret may hold'],
    ['a sealed secret with a bad tag', { ...accessKey, sealedSecret: { ...sealedSecret, authTag: 'x' } }, 'sealedSecret.authTag must be longer'],
    ['an unknown kind', { ...token, kind: 'password' }, 'kind must be one of'],
    ['an id with a dot', { ...token, id: 'tok_abc.defgh' }, 'id must be 8-64'],
    ['an operator object as tenant', { ...token, tenantId: { $ne: null } }, 'tenantId must be a string'],
    ['a long description', { ...token, description: 'd'.repeat(257) }, 'description must be shorter than or equal to 256'],
    ['no description', { ...token, description: undefined }, 'description must be a string'],
  ])('refuses %s', (_label, raw, problem) => expect(problemsOf(raw)).toContain(problem));
});

describe('readCredentialResolveRequest', () => {
  it('reads either kind as the union', () => {
    const tokenHash = hashToken('cht_x');
    expect(readCredentialResolveRequest({ kind: 'token', tokenHash })).toEqual({ ok: true, value: { kind: 'token', tokenHash } });
    expect(readCredentialResolveRequest({ kind: 'access-key', id: 'LTAIabcdefghijklmnopqrst' })).toEqual({
      ok: true,
      value: { kind: 'access-key', id: 'LTAIabcdefghijklmnopqrst' },
    });
  });

  it.each([
    [{ kind: 'token', tokenHash: { $ne: null } }, 'tokenHash must be a string'],
    [{ kind: 'token' }, 'tokenHash must be a string'],
    [{ kind: 'token', tokenHash: 'abc' }, 'tokenHash must be the SHA-256'],
    [{ kind: 'access-key', id: { $gt: '' } }, 'id must be a string'],
    [{ kind: 'access-key', id: 'LTAIabcdefghijklmnopqrst', tokenHash: hashToken('x') }, 'tokenHash is for token credentials only'],
    [{ kind: { $in: ['token'] }, tokenHash: hashToken('x') }, 'kind must be one of'],
    ['token', 'payload must be a JSON object'],
  ])('refuses %j', (raw, problem) => {
    const result = readCredentialResolveRequest(raw);
    expect(result.ok ? '' : result.problems.join('; ')).toContain(problem);
  });
});
