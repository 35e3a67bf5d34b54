import { CerthubError } from '@certhub/contracts';
import { readImportRequest } from './huawei-scm-import.request';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const valid = { name: 'www', certificate: CERT, certificate_chain: '', private_key: KEY };

function failure(body: unknown): CerthubError {
  try {
    readImportRequest(body);
  } catch (error) {
    if (error instanceof CerthubError) return error;
    throw error;
  }
  throw new Error('expected readImportRequest to throw');
}

describe('readImportRequest', () => {
  it('returns the four documented fields and drops anything else', () => {
    expect(readImportRequest({ ...valid, duplicate_check: true })).toEqual(valid);
  });

  it.each([
    ['null', null],
    ['an array', [valid]],
    ['a string', 'name=www'],
    ['undefined (no JSON body)', undefined],
  ])('refuses %s as the body', (_label, body) => {
    expect(failure(body)).toMatchObject({ code: 'INVALID_REQUEST', message: 'The request body must be a JSON object.' });
  });

  it('lists every missing or non-string field in one INVALID_REQUEST', () => {
    const error = failure({ name: { $gt: '' }, certificate: 42, private_key: [KEY] });
    expect(error).toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'name must be a string; certificate must be a string; private_key must be a string.',
    });
  });

  it("takes an absent or null certificate_chain as empty, as Huawei's SDK model leaves it out", () => {
    const withoutChain = { name: valid.name, certificate: valid.certificate, private_key: valid.private_key };
    expect(readImportRequest(withoutChain)).toEqual({ ...valid, certificate_chain: '' });
    expect(readImportRequest({ ...withoutChain, certificate_chain: null })).toEqual({ ...valid, certificate_chain: '' });
    expect(failure({ ...withoutChain, certificate_chain: 7 })).toMatchObject({ message: 'certificate_chain must be a string.' });
  });

  it('accepts the optional duplicate_check and enterprise_project_id of the current model, checked for type', () => {
    expect(readImportRequest({ ...valid, duplicate_check: false, enterprise_project_id: '0' })).toEqual(valid);
    expect(readImportRequest({ ...valid, duplicate_check: null, enterprise_project_id: null })).toEqual(valid);
    expect(failure({ ...valid, duplicate_check: 'yes', enterprise_project_id: 0 })).toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'duplicate_check must be a boolean; enterprise_project_id must be a string.',
    });
    expect(failure({ ...valid, enterprise_project_id: 'e'.repeat(65) })).toMatchObject({ message: 'enterprise_project_id must be at most 64 characters.' });
  });

  it.each([
    ['name', 63],
    ['certificate', 4096],
    ['certificate_chain', 8192],
    ['private_key', 4096],
  ] as const)('accepts %s of exactly %i characters and refuses one more', (field, limit) => {
    const at = { ...valid, [field]: field === 'name' ? 'n'.repeat(limit) : `${CERT}${' '.repeat(limit - CERT.length)}` };
    expect(readImportRequest(at)[field]).toHaveLength(limit);
    const over = { ...at, [field]: `${at[field]}x` };
    expect(failure(over)).toMatchObject({ code: 'INVALID_REQUEST', message: `${field} must be at most ${limit} characters (got ${limit + 1}).` });
  });

  it('counts characters, not UTF-16 units: 63 emoji are a valid name', () => {
    expect(readImportRequest({ ...valid, name: '🔒'.repeat(63) }).name).toBe('🔒'.repeat(63));
  });

  it('accepts an empty name and an empty chain (Minimum 0)', () => {
    expect(readImportRequest({ ...valid, name: '', certificate_chain: '' })).toEqual({ ...valid, name: '', certificate_chain: '' });
  });

  it.each(['', '   ', '\\n\\r\\n', '\n'])('answers an empty certificate (%j) as a certificate parse failure', (certificate) => {
    expect(failure({ ...valid, certificate })).toMatchObject({ code: 'CERT_PARSE_FAILED', message: 'The certificate is empty.' });
  });

  it('answers an empty private key as a key parse failure', () => {
    expect(failure({ ...valid, private_key: '' })).toMatchObject({ code: 'KEY_PARSE_FAILED', message: 'The private key is empty.' });
  });

  it('reports shape problems before empty content', () => {
    expect(failure({ ...valid, certificate: '', name: 7 })).toMatchObject({ code: 'INVALID_REQUEST', message: 'name must be a string.' });
  });
});
