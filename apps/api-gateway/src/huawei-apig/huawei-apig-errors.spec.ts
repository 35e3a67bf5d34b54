import { CerthubError, ERROR_CODES } from '@certhub/contracts';
import type { Request } from 'express';
import { DialectError } from '../errors/dialect-error';
import { toGatewayError } from '../errors/gateway-error';
import { APIG_ERRORS, renderHuaweiApigError } from './huawei-apig-errors';

const render = (exception: unknown) => renderHuaweiApigError(toGatewayError(exception), {} as Request, 'req-1');

describe('renderHuaweiApigError', () => {
  it.each([
    ['KEY_MISMATCH', 400, 'APIG.2101'],
    ['CERT_EXPIRED', 400, 'APIG.2102'],
    ['CHAIN_ORDER_INVALID', 400, 'APIG.2104'],
    ['CHAIN_BROKEN', 400, 'APIG.2104'],
    ['KEY_ENCRYPTED', 400, 'APIG.2105'],
    ['CERT_PARSE_FAILED', 400, 'APIG.2106'],
    ['KEY_PARSE_FAILED', 400, 'APIG.2106'],
    ['CERT_NOT_YET_VALID', 400, 'APIG.2106'],
    ['CERT_UNSUPPORTED_KEY', 400, 'APIG.2106'],
    ['CHAIN_PARSE_FAILED', 400, 'APIG.2106'],
    ['NAME_CONFLICT', 400, 'APIG.3299'],
    ['IDEMPOTENCY_KEY_REUSED', 409, 'APIG.2012'],
    ['INVALID_REQUEST', 400, 'APIG.2000'],
    ['NOT_FOUND', 404, 'APIG.9996'],
    ['UNAVAILABLE', 503, 'APIG.9992'],
  ] as const)('renders %s as %i %s with Huawei\'s message and certhub\'s detail', (code, status, errorCode) => {
    expect(render(new CerthubError(code, 'Detail.'))).toEqual({
      status,
      body: { error_code: errorCode, error_msg: `${APIG_ERRORS[code].message}. Detail.` },
    });
  });

  it('answers internal errors exactly as Huawei\'s example, without internals', () => {
    expect(render(new Error('secret stack detail'))).toEqual({ status: 500, body: { error_code: 'APIG.9999', error_msg: 'System error' } });
  });

  it('keeps the APIG code and message a DialectError already chose', () => {
    const error = new DialectError('UNAUTHENTICATED', 'The token is missing', 'APIG.1000');
    expect(render(error)).toEqual({ status: 401, body: { error_code: 'APIG.1000', error_msg: 'The token is missing' } });
  });

  it('keeps a status the HTTP layer decided (body too large)', () => {
    const rendered = renderHuaweiApigError({ code: 'INVALID_REQUEST', message: 'The request body is too large.', httpStatus: 413 }, {} as Request, 'r');
    expect(rendered).toEqual({ status: 413, body: { error_code: 'APIG.2000', error_msg: 'Parameter error. The request body is too large.' } });
  });

  it('maps every catalogue code to an APIG.xxxx code', () => {
    for (const code of ERROR_CODES) expect(APIG_ERRORS[code].errorCode).toMatch(/^APIG\.\d{4}$/);
  });
});
