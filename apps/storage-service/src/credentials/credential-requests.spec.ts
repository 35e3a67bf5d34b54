import type { EncryptedKeyEnvelope } from '@certhub/contracts';
import { randomBytes } from 'node:crypto';
import { readCredentialCreate } from './credential-requests';

const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
const sealedSecret: EncryptedKeyEnvelope = { algorithm: 'AES-256-GCM', kekId: 'k1', wrappedDataKey: b64(60), iv: b64(12), authTag: b64(16), ciphertext: b64(30) };
const accessKey = { id: 'LTAIabcdefghijklmnopqrst', kind: 'access-key', tenantId: 'team-a', tokenHash: null, sealedSecret, description: 'ci' };

describe('readCredentialCreate', () => {
  it('builds the create from the checked fields only, as plain values', () => {
    const result = readCredentialCreate({ ...accessKey, extra: { $where: 'x' } });
    expect(result).toEqual({ ok: true, value: accessKey });
    if (result.ok) expect(Object.getPrototypeOf(result.value.sealedSecret)).toBe(Object.prototype);
  });

  it('answers what is wrong instead of throwing', () => {
    const result = readCredentialCreate({ ...accessKey, tenantId: { $ne: null } });
    expect(result.ok ? '' : result.problems.join('; ')).toContain('tenantId must be a string');
    expect(readCredentialCreate(undefined)).toEqual({ ok: false, problems: ['payload must be a JSON object'] });
  });
});
