import { certificateQueryFilter } from './certificate-query.filter';
import { readCertificateQuery, type CertificateQuery } from './certificate-query.request';
import { decodeCursor, encodeCursor } from './query-cursor';

const NOW = new Date('2030-01-01T00:00:00Z');

function queryOf(raw: unknown): CertificateQuery {
  const reading = readCertificateQuery(raw);
  if (!('query' in reading)) throw new Error(reading.problem);
  return reading.query;
}

describe('readCertificateQuery', () => {
  it('applies the defaults', () => {
    expect(queryOf({ tenantId: 'team-a' })).toEqual({
      tenantId: 'team-a', hostname: null, expiresWithinDays: null, namePrefix: null, fingerprint: null, tags: [], limit: 100, after: null,
    });
  });

  it('treats null as not given', () => {
    expect(queryOf({ tenantId: 'team-a', hostname: null, expiresWithinDays: null, limit: null, after: null })).toEqual(queryOf({ tenantId: 'team-a' }));
  });

  it.each([
    [null, 'payload must be a JSON object'],
    [{ tenantId: { $ne: null } }, 'tenantId must be a string'],
    [{ tenantId: 'a', hostname: { $regex: '.*' } }, 'hostname must be a string'],
    [{ tenantId: 'a', hostname: 'a*.b.com' }, 'hostname must be a host name'],
    [{ tenantId: 'a', expiresWithinDays: 1.5 }, 'expiresWithinDays must be an integer'],
    [{ tenantId: 'a', limit: 1001 }, 'limit must not be greater than 1000'],
    [{ tenantId: 'a', limit: '10' }, 'limit must be an integer'],
    [{ tenantId: 'a', limit: { $gt: 0 } }, 'limit must be an integer'],
    [{ tenantId: 'a', after: 'bm90LWEtY3Vyc29y' }, 'after is not a cursor this service returned'],
    [{ tenantId: 'a', after: { $gt: '' } }, 'after must be a string'],
    [{ tenantId: 'a', namePrefix: { $regex: '.*' } }, 'namePrefix must be a string'],
    [{ tenantId: 'a', namePrefix: '' }, 'namePrefix must be longer than or equal to 1'],
    [{ tenantId: 'a', fingerprint: 'AB'.repeat(32) }, 'fingerprint must be 64 lower-case hex digits'],
  ])('refuses %j', (raw, problem) => expect(readCertificateQuery(raw)).toEqual({ problem: expect.stringContaining(problem) }));
});

describe('query cursors', () => {
  it('round-trip and refuse anything else', () => {
    const cursor = { notAfter: new Date('2030-02-03T04:05:06Z'), id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(`${encodeCursor(cursor)}=`)).toBeNull();
    expect(decodeCursor(Buffer.from('1.2.3').toString('base64url'))).toBeNull();
  });
});

describe('certificateQueryFilter', () => {
  it('always filters by tenant and combines host, window and cursor', () => {
    const after = { notAfter: new Date('2030-01-02T00:00:00Z'), id: 7 };
    const query = queryOf({ tenantId: 'team-a', hostname: 'A.example.com', expiresWithinDays: 7, after: encodeCursor(after) });
    expect(certificateQueryFilter(query, NOW)).toEqual({
      tenantId: 'team-a',
      hostnames: { $in: ['a.example.com', '*.example.com'] },
      notAfter: { $lte: new Date('2030-01-08T00:00:00Z') },
      $or: [{ notAfter: { $gt: after.notAfter } }, { notAfter: after.notAfter, _id: { $gt: 7 } }],
    });
    expect(certificateQueryFilter(queryOf({ tenantId: 'team-b' }), NOW)).toEqual({ tenantId: 'team-b' });
  });

  it('matches a name prefix as text, never as a pattern, and a fingerprint exactly', () => {
    const fingerprint = 'ab'.repeat(32);
    expect(certificateQueryFilter(queryOf({ tenantId: 'team-a', namePrefix: 'shop.*(', fingerprint }), NOW)).toEqual({
      tenantId: 'team-a',
      name: { $regex: '^shop\\.\\*\\(' },
      'metadata.fingerprintSha256': fingerprint,
    });
    const pattern = new RegExp((certificateQueryFilter(queryOf({ tenantId: 't', namePrefix: 'a.b[x]' }), NOW) as { name: { $regex: string } }).name.$regex);
    expect(pattern.test('a.b[x]-prod')).toBe(true);
    expect(pattern.test('aXb[x]')).toBe(false);
  });
});
