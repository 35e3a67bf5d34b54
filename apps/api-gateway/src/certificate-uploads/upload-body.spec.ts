import { CerthubError } from '@certhub/contracts';
import { CERTHUB_API_SOURCE, toCreateCommand, toValidateRequest } from './upload-body';

const context = { tenantId: 'team-a', requestId: 'req-1' };
const refusal = (read: () => unknown): CerthubError => {
  try {
    read();
  } catch (error) {
    if (error instanceof CerthubError) return error;
    throw error;
  }
  throw new Error('the body was accepted');
};

describe('toCreateCommand', () => {
  it('makes the certificate.create command of the request: its tenant and request id, whatever the body says', () => {
    const command = toCreateCommand(context, { name: 'shop', pkcs12: 'MIIB', passphrase: 'p', tags: { env: 'prod' } });
    expect(command).toMatchObject({ tenantId: 'team-a', requestId: 'req-1', name: 'shop', pkcs12: 'MIIB', passphrase: 'p', tags: { env: 'prod' }, source: CERTHUB_API_SOURCE });
    expect(refusal(() => toCreateCommand(context, { name: 'shop', certificate: 'C', privateKey: 'K', tenantId: 'team-b' })).message).toMatch(/Unknown field "tenantId"/);
  });

  it('refuses with the contract\'s own problems, never quoting a value', () => {
    const error = refusal(() => toCreateCommand(context, { name: 'shop', certificate: 'C', privateKey: 'K', passphrase: 7 }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(/^passphrase must be/);
  });
});

describe('toValidateRequest', () => {
  it('sends the parser the material only, and checks name and tags as an import would', () => {
    expect(toValidateRequest(context, { name: 'shop', certificate: 'C', privateKey: 'K', passphrase: 'p', tags: { env: 'prod' } })).toEqual({
      tenantId: 'team-a', requestId: 'req-1', certificate: 'C', privateKey: 'K', passphrase: 'p',
    });
    expect(toValidateRequest(context, { pkcs12: 'MIIB' })).toEqual({ tenantId: 'team-a', requestId: 'req-1', pkcs12: 'MIIB' });
    expect(refusal(() => toValidateRequest(context, { certificate: 'C', privateKey: 'K', tags: { 'a.b': 'x' } })).message).toMatch(/^tags must map/);
    expect(refusal(() => toValidateRequest(context, { certificate: 'C' })).message).toMatch(/privateKey must be/);
  });
});
