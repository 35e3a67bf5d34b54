import { CerthubError } from '@certhub/contracts';
import { readCertificateQueryParams } from './certificate-query.params';

function refusal(query: unknown): CerthubError {
  try {
    readCertificateQueryParams('team-a', query);
  } catch (error) {
    if (error instanceof CerthubError) return error;
    throw error;
  }
  throw new Error('expected a CerthubError');
}

describe('readCertificateQueryParams', () => {
  it('maps the query string to a storage request, host names lower-cased', () => {
    expect(readCertificateQueryParams('team-a', {})).toEqual({ tenantId: 'team-a' });
    expect(readCertificateQueryParams('team-a', { hostname: 'WWW.Example.com', expires_within_days: '0', limit: '1000', after: 'MTIz' }))
      .toEqual({ tenantId: 'team-a', hostname: 'www.example.com', expiresWithinDays: 0, limit: 1000, after: 'MTIz' });
    expect(readCertificateQueryParams('team-a', { hostname: '*.example.com' })).toEqual({ tenantId: 'team-a', hostname: '*.example.com' });
  });

  it('takes a name prefix as written and a fingerprint in any case, with or without colons', () => {
    const colons = Array.from({ length: 32 }, () => 'AB').join(':');
    expect(readCertificateQueryParams('team-a', { q: 'shop-', fingerprint: colons })).toEqual({ tenantId: 'team-a', namePrefix: 'shop-', fingerprint: 'ab'.repeat(32) });
  });

  it('takes tag once or repeated, each key:value with the value as written (colons included)', () => {
    expect(readCertificateQueryParams('team-a', { tag: 'env:prod' })).toEqual({ tenantId: 'team-a', tags: ['env:prod'] });
    expect(readCertificateQueryParams('team-a', { tag: ['env:prod', 'url:https://x'] })).toEqual({ tenantId: 'team-a', tags: ['env:prod', 'url:https://x'] });
  });

  it.each([
    [{ tag: 'env' }, /^tag must be key:value/],
    [{ tag: 'e.v:x' }, /^tag must be key:value/],
    [{ tag: { $ne: '' } }, /^tag must be key:value/],
    [{ tag: Array.from({ length: 9 }, (_, i) => `k${i}:v`) }, /^tag may be given at most 8 times/],
    [{ hostname: 'a*.example.com' }, /^hostname must be a host name/],
    [{ hostname: ['a.com', 'b.com'] }, /^hostname must be given once/],
    [{ hostname: { $ne: '' } }, /^hostname must be given once/],
    [{ expires_within_days: '-1' }, /^expires_within_days must be a whole number from 0 to 36500/],
    [{ expires_within_days: '7.5' }, /^expires_within_days must be a whole number/],
    [{ limit: '0' }, /^limit must be a whole number from 1 to 1000/],
    [{ limit: '1001' }, /^limit must be a whole number from 1 to 1000/],
    [{ limit: '' }, /^limit must be a whole number/],
    [{ after: 'a=b' }, /^after must be the next value/],
    [{ host: 'a.com' }, /^Unknown query parameter/],
    [{ q: '' }, /^q must be 1 to 255 characters/],
    [{ q: 'x'.repeat(256) }, /^q must be 1 to 255 characters/],
    [{ fingerprint: 'ab'.repeat(31) }, /^fingerprint must be a SHA-256 fingerprint/],
    [{ fingerprint: 'zz'.repeat(32) }, /^fingerprint must be a SHA-256 fingerprint/],
  ])('refuses %j with INVALID_REQUEST', (query, message) => {
    const error = refusal(query);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(message);
  });
});
