import type { CertificateMetadata, CertificateRecord, CertificateStoredEvent, DistinguishedName } from '@certhub/contracts';
import { apigTime, toCertificateResponse, toCreateCommand } from './huawei-apig.mapper';

const name = (fields: Partial<DistinguishedName>): DistinguishedName => ({
  text: '', commonName: [], organization: [], organizationalUnit: [], locality: [], state: [], country: [], ...fields,
});

const metadata: CertificateMetadata = {
  version: 3,
  serialNumberHex: '32d2',
  serialNumberDecimal: '13010',
  subject: name({ commonName: ['first.example.com', 'apigtest.example.com'], organization: ['XX'], organizationalUnit: ['IT'], locality: ['L1'], state: ['S1'], country: ['CN'] }),
  issuer: name({ commonName: ['XXSSL CA'], organization: ['XXSSL Inc'] }),
  commonName: 'first.example.com',
  subjectAltNames: { dns: ['apigtest.example.com', '*.san.com'], ip: ['10.0.0.1'], email: ['a@b.c'], uri: [] },
  signatureAlgorithmOid: '1.2.840.113549.1.1.11',
  signatureAlgorithm: 'sha256WithRSAEncryption',
  notBefore: '2019-06-01T00:00:00Z',
  notAfter: '2031-08-16T06:36:13Z',
  fingerprintSha256: 'ab',
  publicKey: { type: 'RSA', size: 2048 },
  isCa: false,
  selfIssued: false,
};

const stored = (labels: Record<string, string>): CertificateStoredEvent => ({
  requestId: 'r', tenantId: 'p1', operation: 'create', decidedAt: '2021-08-20T02:03:53.412Z', outcome: 'created',
  certificate: {
    id: 7, uid: 'a27be832f2e9441c8127fe48e3b5ac67', scmId: 'scs1234567890abc', tenantId: 'p1', name: 'cert_demo', labels, tags: {},
    certificatePem: '', chainPem: [], hasTrustedRootCa: true, metadata, chain: [], revision: 1,
    createdAt: '2021-08-20T02:03:53.412Z', updatedAt: '2021-08-20T02:03:54.999Z',
  } satisfies CertificateRecord,
});

describe('huawei-apig mapper', () => {
  it('sends the project as tenant and the APIG scope as labels', () => {
    const command = toCreateCommand('p1', 'req-1', {
      name: 'cert_demo', certContent: 'C', privateKey: 'K', type: 'instance', instanceId: 'gw-1', trustedRootCa: 'ROOT', algorithmType: 'RSA',
    });
    expect(command).toEqual({
      requestId: 'req-1', tenantId: 'p1', name: 'cert_demo', certificate: 'C', privateKey: 'K', trustedRootCa: 'ROOT',
      labels: { type: 'instance', instance_id: 'gw-1' }, source: 'huawei-apig',
    });
  });

  it('sends no trusted root and no instance id for a plain global certificate', () => {
    const command = toCreateCommand('p1', 'req-1', { name: 'cert_demo', certContent: 'C', privateKey: 'K', type: 'global', instanceId: null, trustedRootCa: null, algorithmType: null });
    expect(command).not.toHaveProperty('trustedRootCa');
    expect(command.labels).toEqual({ type: 'global' });
  });

  it('answers every documented field, in the documented order, with algorithm_type where the current model has it', () => {
    const response = toCertificateResponse(stored({ type: 'instance', instance_id: 'gw-1' }));
    expect(response).toEqual({
      id: 'a27be832f2e9441c8127fe48e3b5ac67', name: 'cert_demo', type: 'instance', instance_id: 'gw-1', project_id: 'p1',
      common_name: 'apigtest.example.com', san: ['apigtest.example.com', '*.san.com'], not_after: '2031-08-16T06:36:13Z',
      signature_algorithm: 'SHA256-RSA', create_time: '2021-08-20T02:03:53Z', update_time: '2021-08-20T02:03:54Z',
      is_has_trusted_root_ca: true, algorithm_type: 'RSA', version: 3, organization: ['XX'], organizational_unit: ['IT'], locality: ['L1'],
      state: ['S1'], country: ['CN'], not_before: '2019-06-01T00:00:00Z', serial_number: '13010', issuer: ['XXSSL Inc'],
    });
    expect(Object.keys(response)).toEqual([
      'id', 'name', 'type', 'instance_id', 'project_id', 'common_name', 'san', 'not_after', 'signature_algorithm', 'create_time',
      'update_time', 'is_has_trusted_root_ca', 'algorithm_type', 'version', 'organization', 'organizational_unit', 'locality', 'state', 'country',
      'not_before', 'serial_number', 'issuer',
    ]);
  });

  it('answers instance_id "common" for a global certificate, and for records stored by other dialects', () => {
    expect(toCertificateResponse(stored({ type: 'global' }))).toMatchObject({ type: 'global', instance_id: 'common' });
    expect(toCertificateResponse(stored({ certificate_type: 'server' }))).toMatchObject({ type: 'global', instance_id: 'common' });
  });

  it('answers an empty common_name when the subject has no CN, as Go does', () => {
    const event = stored({});
    const noCn = { ...event, certificate: { ...event.certificate, metadata: { ...metadata, subject: name({}), commonName: null } } };
    expect(toCertificateResponse(noCn)).toMatchObject({ common_name: '', organization: [] });
  });

  it("answers the certificate's real key algorithm as algorithm_type: RSA, or ECC for EC and Ed25519 keys", () => {
    const withKey = (type: 'RSA' | 'EC' | 'Ed25519') => {
      const event = stored({});
      return { ...event, certificate: { ...event.certificate, metadata: { ...metadata, publicKey: { type, size: 256 } } } };
    };
    expect([withKey('RSA'), withKey('EC'), withKey('Ed25519')].map((event) => toCertificateResponse(event).algorithm_type)).toEqual(['RSA', 'ECC', 'ECC']);
  });

  it('formats times to the second in UTC', () => {
    expect(apigTime('2021-08-20T10:03:53.999+08:00')).toBe('2021-08-20T02:03:53Z');
  });
});
