import { validatePayload } from '../validation/validate-payload';
import { CertificateQueryRequest } from './certificate-query';

const problemsOf = (raw: unknown): string => {
  const result = validatePayload(CertificateQueryRequest, raw);
  return result.ok ? '' : result.problems.join('; ');
};

describe('CertificateQueryRequest', () => {
  it('accepts a bare tenant, every filter, and null as "not given"', () => {
    expect(problemsOf({ tenantId: 'team-a' })).toBe('');
    expect(problemsOf({ tenantId: 'team-a', hostname: '*.Example.com', expiresWithinDays: 0, limit: 1_000, after: 'MTIzLjQ' })).toBe('');
    expect(problemsOf({ tenantId: 'team-a', hostname: null, expiresWithinDays: null, limit: null, after: null })).toBe('');
  });

  it.each([
    [null, 'payload must be a JSON object'],
    [{ tenantId: { $ne: null } }, 'tenantId must be a string'],
    [{ tenantId: '' }, 'tenantId must be longer than or equal to 1'],
    [{ tenantId: 'a b' }, 'tenantId may contain'],
    [{ tenantId: 'a', hostname: { $regex: '.*' } }, 'hostname must be a string'],
    [{ tenantId: 'a', hostname: 'a*.b.com' }, 'hostname must be a host name'],
    [{ tenantId: 'a', expiresWithinDays: 1.5 }, 'expiresWithinDays must be an integer'],
    [{ tenantId: 'a', expiresWithinDays: 36_501 }, 'expiresWithinDays must not be greater than 36500'],
    [{ tenantId: 'a', limit: 1_001 }, 'limit must not be greater than 1000'],
    [{ tenantId: 'a', limit: '10' }, 'limit must be an integer'],
    [{ tenantId: 'a', limit: { $gt: 0 } }, 'limit must be an integer'],
    [{ tenantId: 'a', after: 'a'.repeat(129) }, 'after must be the next value of a previous page'],
    [{ tenantId: 'a', after: { $gt: '' } }, 'after must be a string'],
  ])('refuses %j', (raw, problem) => expect(problemsOf(raw)).toContain(problem));
});
