import { validatePayload } from '../validation/validate-payload';
import { CertificateGetRequest } from './certificate-get';
import { CertificateVersionsRequest } from './certificate-versions';

describe.each([
  ['certhub.rpc.certificates.get', CertificateGetRequest],
  ['certhub.rpc.certificates.versions', CertificateVersionsRequest],
])('a request on %s', (_subject, type) => {
  it('names one certificate of one tenant', () => {
    expect(validatePayload(type, { tenantId: 'team-a', id: 7 })).toMatchObject({ ok: true, value: { tenantId: 'team-a', id: 7 } });
  });

  it.each([
    ['no tenant', { id: 7 }],
    ['an operator as tenant', { tenantId: { $ne: '' }, id: 7 }],
    ['id 0', { tenantId: 'team-a', id: 0 }],
    ['a string id', { tenantId: 'team-a', id: '7' }],
    ['an id past 2^53', { tenantId: 'team-a', id: 2 ** 53 + 2 }],
  ])('refuses %s', (_label, raw) => {
    expect(validatePayload(type, raw).ok).toBe(false);
  });
});
