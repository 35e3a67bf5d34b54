import { CerthubError, ERROR_CODES } from '@certhub/contracts';
import type { Request } from 'express';
import { toGatewayError } from '../errors/gateway-error';
import { renderAlibabaCasError } from './alibaba-cas-errors';
import { alibabaError, missingParameter } from './alibaba-error-codes';

function request(url: string, host = 'cas.example.com'): Request {
  return { method: 'GET', url, originalUrl: url, headers: { host }, is: () => false } as unknown as Request;
}

describe('Alibaba CAS error renderer', () => {
  it("renders Alibaba's JSON error body with the code's status", () => {
    const rendered = renderAlibabaCasError(toGatewayError(alibabaError('SignatureNonceUsed')), request('/?Format=JSON'), 'req-1');

    expect(rendered.status).toBe(400);
    expect(rendered.contentType).toBe('application/json;charset=utf-8');
    expect(JSON.parse(rendered.body as string)).toEqual({
      RequestId: 'req-1',
      HostId: 'cas.example.com',
      Code: 'SignatureNonceUsed',
      Message: 'Specified signature nonce was used already.',
      Recommend: expect.stringContaining('SignatureNonceUsed'),
    });
  });

  it('renders XML by default, as Alibaba does: <Error> under an XML declaration, Recommend in CDATA', () => {
    const rendered = renderAlibabaCasError(toGatewayError(alibabaError('InvalidAccessKeyId.NotFound')), request('/'), 'req-2');

    expect(rendered.status).toBe(404);
    expect(rendered.contentType).toBe('text/xml;charset=utf-8');
    expect(rendered.body).toBe(
      "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>req-2</RequestId><HostId>cas.example.com</HostId>" +
        '<Code>InvalidAccessKeyId.NotFound</Code><Message>Specified access key is not found.</Message>' +
        "<Recommend><![CDATA[See the InvalidAccessKeyId.NotFound row of certhub's docs/dialects/alibaba-cas.md.]]></Recommend></Error>",
    );
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const error = toGatewayError(alibabaError('InvalidParameter', 'a <b> & "c" \u0001'));
    expect(renderAlibabaCasError(error, request('/', 'evil<host>'), 'r').body).toContain(
      '<HostId>certhub</HostId><Code>InvalidParameter</Code><Message>a &#60;b&#62; &#38; &#34;c&#34; </Message>',
    );
  });

  it.each([
    ['NAME_CONFLICT', 'NameRepeat', 400],
    ['CERT_PARSE_FAILED', 'ParseCertificateFailed', 400],
    ['CERT_EXPIRED', 'CertificateExpired', 400],
    ['CERT_NOT_YET_VALID', 'CertificateNotYetValid', 400],
    ['KEY_PARSE_FAILED', 'ParsePrivateKeyFailed', 400],
    ['KEY_ENCRYPTED', 'ParsePrivateKeyFailed', 400],
    ['KEY_MISMATCH', 'CertificateKeyNotMatch', 400],
    ['CHAIN_BROKEN', 'CertificateChainNotMatch', 400],
    ['IDEMPOTENCY_KEY_REUSED', 'IdempotentParameterMismatch', 400],
    ['UNAVAILABLE', 'ServiceUnavailable', 503],
    ['INTERNAL', 'InternalError', 500],
    ['FORBIDDEN', 'Forbidden', 403],
  ] as const)('maps %s to %s (%i)', (code, alibabaCode, status) => {
    const rendered = renderAlibabaCasError(toGatewayError(new CerthubError(code, 'why')), request('/?Format=JSON'), 'r');
    expect(rendered.status).toBe(status);
    expect(JSON.parse(rendered.body as string)).toMatchObject({ Code: alibabaCode, Message: 'why' });
  });

  it('maps every catalogue code, and keeps a status the HTTP layer decided (413 body too large)', () => {
    for (const code of ERROR_CODES) {
      const body = JSON.parse(renderAlibabaCasError(toGatewayError(new CerthubError(code, 'x')), request('/?Format=JSON'), 'r').body as string);
      expect(body.Code).toMatch(/^[A-Z][A-Za-z.]+$/);
    }
    const tooLarge = renderAlibabaCasError({ code: 'INVALID_REQUEST', message: 'too large', httpStatus: 413 }, request('/'), 'r');
    expect(tooLarge.status).toBe(413);
  });

  it('names the missing parameter in the code, as Alibaba does (MissingCert)', () => {
    const body = JSON.parse(renderAlibabaCasError(toGatewayError(missingParameter('Cert')), request('/?Format=JSON'), 'r').body as string);
    expect(body).toMatchObject({ Code: 'MissingCert', Message: 'Cert is mandatory for this action.' });
  });
});
