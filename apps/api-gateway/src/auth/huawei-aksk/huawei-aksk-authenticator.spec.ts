import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import type { Request } from 'express';
import { stringify } from 'node:querystring';
import type { CredentialResolver } from '../credential-resolver.service';
import { HuaweiAkskAuthenticator } from './huawei-aksk-authenticator.service';
import { formatSdkDate } from './huawei-sdk-date';

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const TENANT = 'project-1';
const NOW = Date.UTC(2026, 0, 15, 8, 30, 0);

interface SdkCall {
  readonly method?: string;
  readonly path?: string;
  readonly query?: Record<string, string | string[]>;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly sk?: string;
  readonly ak?: string;
  readonly signedAt?: number;
}

/**
 * Signs a request with Huawei's own AKSKSigner and returns it as the gateway receives it: lower-case headers,
 * the query string as the SDK's HTTP client writes it (querystring.stringify), the body as JSON.stringify.
 */
function signedBySdk(call: SdkCall): Request {
  const path = call.path ?? '/v3/scm/certificates/import';
  const data = call.body ?? { name: 'cert', certificate: '-----BEGIN CERTIFICATE-----\nMII…\n', private_key: 'k' };
  const credentials = new BasicCredentials().withAk(call.ak ?? AK).withSk(call.sk ?? SK).withProjectId(TENANT);
  const signed = AKSKSigner.sign(
    {
      method: call.method ?? 'POST',
      endpoint: `https://gateway.example.com:8443${path}`,
      // A copy: the signer sorts repeated values in place, and the wire order must stay the caller's.
      queryParams: structuredClone(call.query ?? {}),
      headers: { 'content-type': 'application/json', 'X-Project-Id': TENANT, 'X-Sdk-Date': formatSdkDate(call.signedAt ?? NOW), ...call.headers },
      data,
    },
    credentials,
  ) as Record<string, string>;
  const headers = Object.fromEntries(Object.entries(signed).map(([name, value]) => [name.toLowerCase(), value]));
  const query = stringify(call.query ?? {});
  return fakeRequest(call.method ?? 'POST', query ? `${path}?${query}` : path, headers, JSON.stringify(data));
}

function fakeRequest(method: string, url: string, headers: Record<string, string>, body: string): Request {
  const raw = Buffer.from(body, 'utf8');
  const all: Record<string, string> = { ...headers, 'content-length': String(raw.length) };
  return { method, url, originalUrl: url, headers: all, rawBody: raw, header: (name: string) => all[name.toLowerCase()] } as unknown as Request;
}

type Change = Partial<{ url: string; body: string; headers: Record<string, string> }>;

function tampered(request: Request, change: Change): Request {
  const headers = { ...(request.headers as Record<string, string>), ...change.headers };
  const body = change.body ?? (request as unknown as { rawBody: Buffer }).rawBody.toString('utf8');
  return fakeRequest(request.method, change.url ?? request.originalUrl, headers, body);
}

/** The store knows an Alibaba AccessKeyId too (same kind of record): only its shape keeps it out of Huawei signatures. */
const ALIBABA_ID = 'LTAI5tAbCdEfGhIjKlMnOpQr';
const credentials = {
  accessKey: async (id: string) => (id === AK || id === ALIBABA_ID ? { tenantId: TENANT, secret: SK } : null),
} as unknown as CredentialResolver;
const authenticator = new HuaweiAkskAuthenticator(credentials);
const tenantOf = (request: Request, now = NOW) => authenticator.tenantOf(request, now);
const failure = (request: Request, now = NOW) =>
  tenantOf(request, now).then(
    () => 'accepted',
    (error: { dialectCode?: string; message: string }) => `${error.dialectCode ?? 'no code'} ${error.message}`,
  );

describe("Huawei AK/SK: requests signed by Huawei's AKSKSigner", () => {
  it('accepts the SCM import as the SDK signs it, and answers with the AK’s tenant', async () => {
    await expect(tenantOf(signedBySdk({}))).resolves.toBe(TENANT);
  });

  it('accepts APIG create, whose path names the project', async () => {
    const request = signedBySdk({ path: `/v2/${TENANT}/apigw/certificates`, headers: { 'content-type': 'application/json;charset=UTF-8' } });
    await expect(tenantOf(request)).resolves.toBe(TENANT);
  });

  it('builds the same canonical query as the SDK: sorted, RFC 3986-encoded, repeated names by value', async () => {
    const query = { 'b name': ['z', 'a b'], a: "x*y~z!'()", 证书: '值', empty: '' };
    await expect(tenantOf(signedBySdk({ query }))).resolves.toBe(TENANT);
  });

  it('encodes the path as the SDK does, segment by segment, with the trailing slash', async () => {
    await expect(tenantOf(signedBySdk({ path: '/v2/p%20q/apigw/certificates/' }))).resolves.toBe(TENANT);
  });

  it('accepts an X-Sdk-Date up to 15 minutes either side of the gateway clock', async () => {
    await expect(tenantOf(signedBySdk({ signedAt: NOW - 15 * 60_000 }))).resolves.toBe(TENANT);
    await expect(tenantOf(signedBySdk({ signedAt: NOW + 15 * 60_000 }))).resolves.toBe(TENANT);
  });
});

describe('Huawei AK/SK: refusals, all 401 APIG.0301 "Incorrect IAM authentication information: …"', () => {
  it('a wrong secret', async () => {
    expect(await failure(signedBySdk({ sk: `${SK.slice(0, -1)}x` }))).toBe('APIG.0301 Incorrect IAM authentication information: verify aksk signature fail');
  });

  it('a body, path, query or signed header changed after signing', async () => {
    const request = signedBySdk({ query: { a: '1' } });
    const changes: Change[] = [
      { body: '{"name":"other"}' },
      { url: '/v3/scm/certificates/import?a=2' },
      { url: '/v3/scm/certificates/importx?a=1' },
      { headers: { 'x-project-id': 'project-2' } },
      { headers: { host: 'elsewhere.example.com' } },
    ];
    for (const change of changes) {
      expect({ change, outcome: await failure(tampered(request, change)) }).toEqual({ change, outcome: expect.stringContaining('verify aksk signature fail') });
    }
  });

  it('a skewed X-Sdk-Date, naming both times', async () => {
    expect(await failure(signedBySdk({ signedAt: NOW - 15 * 60_000 - 1000 }))).toBe(
      'APIG.0301 Incorrect IAM authentication information: signature expired, signature time:20260115T081459Z,server time:20260115T083000Z',
    );
    expect(await failure(signedBySdk({ signedAt: NOW + 16 * 60_000 }))).toContain('signature expired');
  });

  it('a malformed X-Sdk-Date', async () => {
    expect(await failure(tampered(signedBySdk({}), { headers: { 'x-sdk-date': '2026-01-15T08:30:00Z' } }))).toContain('X-Sdk-Date must be YYYYMMDDTHHMMSSZ');
    expect(await failure(tampered(signedBySdk({}), { headers: { 'x-sdk-date': '20260230T083000Z' } }))).toContain('X-Sdk-Date must be');
  });

  it('temporary credentials (X-Security-Token), with a clear reason', async () => {
    expect(await failure(signedBySdk({ headers: { 'X-Security-Token': 'sts-token' } }))).toContain('temporary AK/SK (X-Security-Token) is not supported');
  });

  it('an AK certhub does not know, and an Alibaba-shaped AccessKeyId, which is not even looked up', async () => {
    expect(await failure(signedBySdk({ ak: 'ABCDEFGHIJKLMNOPQRST' }))).toBe(
      'APIG.0301 Incorrect IAM authentication information: Get secretKey failed,ak:ABCDEFGHIJKLMNOPQRST,err:ak not exist',
    );
    expect(await failure(signedBySdk({ ak: ALIBABA_ID }))).toContain('ak:******,err:ak not exist');
  });

  it('another algorithm, a malformed header, an unsigned host or a missing signed header', async () => {
    const request = signedBySdk({});
    const authorization = request.header('authorization') as string;
    const variants: Array<[string, string]> = [
      [authorization.replace('SDK-HMAC-SHA256', 'SDK-HMAC-SM3'), 'unsupported signing algorithm'],
      [authorization.replace(/Signature=\w+/, 'Signature=abc'), 'Signature must be 64 lower-case hex digits'],
      [authorization.replace('Access=', 'Acces='), 'needs Access, SignedHeaders and Signature'],
      [authorization.replace('content-type;host;', 'content-type;'), 'SignedHeaders must include host'],
      [authorization.replace('x-sdk-date', 'x-sdk-date;x-extra'), 'the signed header x-extra is missing'],
    ];
    for (const [value, reason] of variants) {
      expect(await failure(tampered(request, { headers: { authorization: value } }))).toContain(reason);
    }
  });

  it('an unsigned payload, or a declared body hash that is not the real one', async () => {
    expect(await failure(signedBySdk({ headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' } }))).toContain('unsigned payloads');
    expect(await failure(signedBySdk({ headers: { 'X-Sdk-Content-Sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } }))).toContain(
      'X-Sdk-Content-Sha256 is not the body hash',
    );
  });

  it('a body no parser read is a bad request, not an authentication failure', async () => {
    const request = signedBySdk({});
    delete (request as unknown as { rawBody?: Buffer }).rawBody;
    await expect(tenantOf(request)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
