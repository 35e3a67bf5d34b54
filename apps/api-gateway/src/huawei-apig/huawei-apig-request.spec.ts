import { DialectError } from '../errors/dialect-error';
import { readCreateCertificateRequest } from './huawei-apig-request';

const valid = { name: 'cert_demo', cert_content: 'CERT', private_key: 'KEY' };

function failureOf(body: unknown): { code: string; message: string } {
  try {
    readCreateCertificateRequest(body);
  } catch (error) {
    if (error instanceof DialectError) return { code: error.dialectCode, message: error.message };
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('readCreateCertificateRequest', () => {
  it('defaults to a global certificate and keeps no instance id for it', () => {
    expect(readCreateCertificateRequest({ ...valid, instance_id: 'f0fa1789-3b76-433b-a787-9892951c620e' })).toEqual({
      name: 'cert_demo', certContent: 'CERT', privateKey: 'KEY', type: 'global', instanceId: null, trustedRootCa: null, algorithmType: null,
    });
  });

  it('reads a gateway certificate with its trusted root and ignores unknown fields', () => {
    const body = { ...valid, type: 'instance', instance_id: 'f0fa1789-3b76-433b-a787-9892951c620e', trusted_root_ca: 'ROOT', algorithm_type: 'ECC', cert_content_sign: 'x' };
    expect(readCreateCertificateRequest(body)).toEqual({
      name: 'cert_demo', certContent: 'CERT', privateKey: 'KEY', type: 'instance', instanceId: 'f0fa1789-3b76-433b-a787-9892951c620e', trustedRootCa: 'ROOT',
      algorithmType: 'ECC',
    });
  });

  it("accepts the current model's algorithm_type RSA or ECC, and refuses SM2 (no SM2 certificates) or anything else", () => {
    expect(readCreateCertificateRequest({ ...valid, algorithm_type: 'RSA' }).algorithmType).toBe('RSA');
    expect(readCreateCertificateRequest({ ...valid, algorithm_type: null }).algorithmType).toBeNull();
    for (const algorithmType of ['SM2', 'rsa', 'DSA']) {
      expect(failureOf({ ...valid, algorithm_type: algorithmType })).toEqual({ code: 'APIG.2004', message: expect.stringContaining('parameterName:algorithm_type') });
    }
    expect(failureOf({ ...valid, algorithm_type: 1 })).toEqual({ code: 'APIG.2011', message: expect.stringContaining('parameterName:algorithm_type') });
  });

  it('treats an empty or null optional field as absent', () => {
    expect(readCreateCertificateRequest({ ...valid, type: '', trusted_root_ca: null })).toMatchObject({ type: 'global', trustedRootCa: null });
  });

  it.each([
    ['no body', undefined, 'APIG.2001', 'parameterName:body'],
    ['an array body', [valid], 'APIG.2000', 'JSON object'],
    ['a missing name', { cert_content: 'C', private_key: 'K' }, 'APIG.2001', 'parameterName:name'],
    ['an empty cert_content', { ...valid, cert_content: '' }, 'APIG.2001', 'parameterName:cert_content'],
    ['a null private_key', { ...valid, private_key: null }, 'APIG.2001', 'parameterName:private_key'],
    ['a 3-character name', { ...valid, name: 'abc' }, 'APIG.2005', 'parameterName:name'],
    ['a 51-character name', { ...valid, name: `a${'b'.repeat(50)}` }, 'APIG.2006', 'parameterName:name'],
    ['a name starting with a digit', { ...valid, name: '1cert' }, 'APIG.2011', 'parameterName:name'],
    ['a name with a hyphen', { ...valid, name: 'cert-demo' }, 'APIG.2011', 'parameterName:name'],
    ['a numeric name', { ...valid, name: 1234 }, 'APIG.2011', 'parameterName:name'],
    ['an operator object as name', { ...valid, name: { $gt: '' } }, 'APIG.2011', 'parameterName:name'],
    ['an array as cert_content', { ...valid, cert_content: ['CERT'] }, 'APIG.2011', 'parameterName:cert_content'],
    ['a boolean private_key', { ...valid, private_key: true }, 'APIG.2011', 'parameterName:private_key'],
    ['a cert_content over 64 KiB', { ...valid, cert_content: 'x'.repeat(65_537) }, 'APIG.2006', 'parameterName:cert_content'],
    ['an unknown type', { ...valid, type: 'regional' }, 'APIG.2004', 'parameterName:type'],
    ['a numeric type', { ...valid, type: 1 }, 'APIG.2011', 'parameterName:type'],
    ['type instance without instance_id', { ...valid, type: 'instance' }, 'APIG.2001', 'parameterName:instance_id'],
    ['a malformed instance_id', { ...valid, type: 'instance', instance_id: 'gw/../1' }, 'APIG.2012', 'parameterName:instance_id'],
    ['an operator object as instance_id of a global certificate', { ...valid, instance_id: { $ne: null } }, 'APIG.2011', 'parameterName:instance_id'],
    ['an object as trusted_root_ca', { ...valid, trusted_root_ca: { $gt: '' } }, 'APIG.2011', 'parameterName:trusted_root_ca'],
  ])('refuses %s with %s', (_label, body, code, fragment) => {
    const failure = failureOf(body);
    expect(failure.code).toBe(code);
    expect(failure.message).toContain(fragment);
  });

  it('reports the first problem in documented field order', () => {
    expect(failureOf({ name: 'ab', cert_content: 42 }).code).toBe('APIG.2005');
  });

  it('words parameter errors as Huawei does', () => {
    expect(failureOf({ ...valid, name: '_x_y' }).message).toBe('Invalid parameter value,parameterName:name. Please refer to the support documentation');
  });
});
