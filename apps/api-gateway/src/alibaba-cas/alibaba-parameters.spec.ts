import type { Request } from 'express';
import { readParameters } from './alibaba-parameters';
import { checkFormat, responseFormatOf } from './alibaba-response-format';

function request(init: { method?: string; url?: string; form?: Record<string, unknown>; contentType?: string; headers?: Record<string, string>; rawBody?: Buffer }): Request {
  const contentType = init.contentType ?? (init.form ? 'application/x-www-form-urlencoded' : undefined);
  const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType, 'content-length': '42' } : {}), ...init.headers };
  return {
    method: init.method ?? 'GET',
    url: init.url ?? '/',
    originalUrl: init.url ?? '/',
    headers,
    body: init.form,
    rawBody: init.rawBody,
    is: (type: string) => (contentType?.startsWith(type) ? type : false),
  } as unknown as Request;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { dialectCode?: string }).dialectCode;
  }
  return undefined;
}

describe('Alibaba request parameters', () => {
  it('decodes the raw query string exactly as sent', () => {
    const parameters = readParameters(request({ url: '/?Action=CreateUserCertificate&Name=a%20b%2Bc&Empty=&Cert=x+y' }));
    expect(Object.fromEntries(parameters)).toEqual({ Action: 'CreateUserCertificate', Name: 'a b+c', Empty: '', Cert: 'x y' });
  });

  it('reads UTF-8, escaped or raw, in the query and the form', () => {
    const parameters = readParameters(request({ method: 'POST', url: '/?Name=%E8%AF%81%E4%B9%A6', form: { Tag: '证书' }, rawBody: Buffer.from('Tag=证书') }));
    expect(Object.fromEntries(parameters)).toEqual({ Name: '证书', Tag: '证书' });
  });

  it('merges a POST form body with the query string', () => {
    const parameters = readParameters(request({ method: 'POST', url: '/?Format=JSON', form: { Action: 'CreateUserCertificate' } }));
    expect(Object.fromEntries(parameters)).toEqual({ Format: 'JSON', Action: 'CreateUserCertificate' });
  });

  it('ignores a body sent with GET, as Alibaba only reads a form from a POST', () => {
    expect(Object.fromEntries(readParameters(request({ url: '/?A=1', form: { B: '2' } })))).toEqual({ A: '1' });
  });

  it.each([
    ['bytes that are not UTF-8 in the query', request({ url: '/?Name=a%FFb' })],
    ['a stray % in the query', request({ url: '/?Name=100%' })],
    ['an encoded lone surrogate in the query', request({ url: '/?Name=%ED%A0%80' })],
    ['bytes that are not UTF-8 in the form', request({ method: 'POST', form: { Name: 'a\ufffdb' }, rawBody: Buffer.from('Name=a%FFb') })],
    ['raw bytes that are not UTF-8 in the form', request({ method: 'POST', form: { Name: 'a\ufffdb' }, rawBody: Buffer.from([0x4e, 0x3d, 0xff]) })],
    ['twice in the query', request({ url: '/?Name=a&Name=b' })],
    ['in the query and the form', request({ method: 'POST', url: '/?Name=a', form: { Name: 'b' } })],
    ['twice in the form (an array after parsing)', request({ method: 'POST', form: { Name: ['a', 'b'] } })],
    ['in a JSON body', request({ method: 'POST', form: { Name: 'a' }, contentType: 'application/json' })],
  ])('refuses a parameter given %s with InvalidParameter', (_label, req) => {
    expect(codeOf(() => readParameters(req))).toBe('InvalidParameter');
  });

  it('answers in XML unless JSON is asked for, in any case, and refuses other formats', () => {
    expect(responseFormatOf(request({ url: '/?Format=json' }))).toBe('JSON');
    expect(responseFormatOf(request({ url: '/' }))).toBe('XML');
    expect(responseFormatOf(request({ url: '/?Format=yaml' }))).toBe('XML');
    // The error about a parameter given twice is still answered in the Format asked for.
    expect(responseFormatOf(request({ url: '/?Format=JSON&Name=a&Name=b' }))).toBe('JSON');
    expect(responseFormatOf(request({ method: 'POST', form: { Format: ['json', 'xml'] } }))).toBe('JSON');
    expect(checkFormat(new Map([['Format', 'xml']]), 'JSON')).toBe('XML');
    expect(checkFormat(new Map(), 'XML')).toBe('XML');
    expect(codeOf(() => checkFormat(new Map([['Format', 'yaml']]), 'XML'))).toBe('InvalidParameter.Format');
  });

  it('answers signature v3 requests in JSON unless they ask for XML, as the v3 SDKs read every answer as JSON', () => {
    const v3 = { authorization: 'ACS3-HMAC-SHA256 Credential=LTAI1234,SignedHeaders=host,Signature=00' };
    expect(responseFormatOf(request({ url: '/', headers: v3 }))).toBe('JSON');
    expect(responseFormatOf(request({ url: '/', headers: { 'x-acs-action': 'UploadUserCertificate' } }))).toBe('JSON');
    expect(responseFormatOf(request({ url: '/?Format=XML', headers: v3 }))).toBe('XML');
    expect(responseFormatOf(request({ url: '/', headers: { authorization: 'Bearer x' } }))).toBe('XML');
    // pop-core (v1) sends x-acs-action and x-acs-version too, with its Signature parameter.
    expect(responseFormatOf(request({ url: '/?Signature=abc', headers: { 'x-acs-action': 'CreateUserCertificate' } }))).toBe('XML');
    expect(checkFormat(new Map(), 'JSON')).toBe('JSON');
  });
});
