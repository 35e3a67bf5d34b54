import { ERROR_CODES, type ErrorCode } from '@certhub/contracts';
import type { Request } from 'express';
import { renderHuaweiScmError } from './huawei-scm-errors';

const render = (code: ErrorCode, message = '', httpStatus?: number) =>
  renderHuaweiScmError({ code, message, httpStatus }, {} as Request, 'req-1');

describe('renderHuaweiScmError', () => {
  it.each<[ErrorCode, number, string]>([
    ['INVALID_REQUEST', 400, 'SCM.0005'],
    ['INVALID_EVENT', 400, 'SCM.0005'],
    ['CERT_PARSE_FAILED', 400, 'SCM.0006'],
    ['CERT_EXPIRED', 400, 'SCM.9001'],
    ['CERT_NOT_YET_VALID', 400, 'SCM.9002'],
    ['CERT_UNSUPPORTED_KEY', 400, 'SCM.9003'],
    ['KEY_PARSE_FAILED', 400, 'SCM.0012'],
    ['KEY_ENCRYPTED', 400, 'SCM.9004'],
    ['KEY_MISMATCH', 400, 'SCM.0014'],
    ['CHAIN_PARSE_FAILED', 400, 'SCM.0013'],
    ['CHAIN_ORDER_INVALID', 400, 'SCM.0079'],
    ['CHAIN_BROKEN', 400, 'SCM.0079'],
    ['NAME_CONFLICT', 409, 'SCM.9005'],
    ['IDEMPOTENCY_KEY_REUSED', 409, 'SCM.9006'],
    ['NOT_FOUND', 404, 'APIG.0101'],
    ['UNAUTHENTICATED', 401, 'APIG.0301'],
    ['FORBIDDEN', 403, 'SCM.0003'],
    ['UNAVAILABLE', 503, 'SCM.9503'],
    ['INTERNAL', 500, 'SCM.9500'],
  ])('renders %s as %i %s', (code, status, errorCode) => {
    expect(render(code)).toEqual({ status, body: { error_code: errorCode, error_msg: expect.any(String) } });
  });

  it('maps every catalogue code', () => {
    expect(ERROR_CODES.filter((code) => !render(code).body)).toEqual([]);
  });

  it('puts the documented message first and certhub explanation after it', () => {
    expect(render('CHAIN_BROKEN', 'The certificate chain is broken: chain certificate 1 ...').body).toEqual({
      error_code: 'SCM.0079',
      error_msg: 'The subject of the CA certificate does not match the issuer of the certificate. The certificate chain is broken: chain certificate 1 ...',
    });
    expect(render('UNAUTHENTICATED', 'x-auth-token not found.').body).toEqual({
      error_code: 'APIG.0301',
      error_msg: 'Incorrect IAM authentication information: x-auth-token not found.',
    });
  });

  it('answers a body too large as APIG.0201 with status 413', () => {
    expect(render('INVALID_REQUEST', 'The request body is too large.', 413)).toEqual({
      status: 413,
      body: { error_code: 'APIG.0201', error_msg: 'Request entity too large. The request body is too large.' },
    });
  });

  it('keeps error_msg within the documented 1024 characters', () => {
    const { body } = render('CHAIN_ORDER_INVALID', 'x'.repeat(5000));
    expect((body as { error_msg: string }).error_msg).toHaveLength(1024);
  });

  it('prefers a dialect code chosen by the code that raised the error', () => {
    const rendered = renderHuaweiScmError({ code: 'INVALID_REQUEST', message: 'm', dialectCode: 'SCM.0114' }, {} as Request, 'r');
    expect(rendered).toEqual({ status: 400, body: { error_code: 'SCM.0114', error_msg: 'Incorrect request parameter. m' } });
  });
});
