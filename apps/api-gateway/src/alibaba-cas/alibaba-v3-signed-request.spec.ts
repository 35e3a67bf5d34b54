import { OpenApiUtil } from '@alicloud/openapi-core';
import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { parse, stringify } from 'node:querystring';
import type { CredentialResolver } from '../auth/credential-resolver.service';
import { readCall } from './alibaba-call';
import { AlibabaNonceCache } from './alibaba-nonce-cache';
import type { AlibabaNonceLedger } from './alibaba-nonce-ledger';
import { AlibabaRequestAuthenticator } from './alibaba-request-authenticator.service';

const AK = 'LTAI5tQ4XnVrLkP8mY2wZcJd';
const SECRET = 'Vq9bH3kLmN7pR2sT5wX8yZ1aC4dF6g';
const TENANT = 'account-1';
const ACS3 = 'ACS3-HMAC-SHA256';

type AuthorizationRequest = Parameters<typeof OpenApiUtil.getAuthorization>[0];

interface V3Call {
  readonly action?: string;
  readonly version?: string;
  readonly query?: Record<string, string>;
  /** A form body, as openapi-core sends a formData body (callApi). */
  readonly form?: Record<string, string>;
  readonly secret?: string;
  readonly accessKeyId?: string;
  readonly date?: string;
  readonly nonce?: string;
  readonly extraHeaders?: Record<string, string>;
}

/**
 * A request as @alicloud/openapi-core 1.0.8 builds it in doRequest (its headers, its query and form encoding)
 * and signed by its own OpenApiUtil.getAuthorization: the gateway must accept exactly what the SDK signs.
 */
function signedByOpenApiCore(call: V3Call): Request {
  const body = call.form ? OpenApiUtil.toForm(call.form) : '';
  const payloadHash = createHash('sha256').update(body).digest('hex');
  const headers: Record<string, string> = {
    host: 'cas.example.com:8443',
    'x-acs-version': call.version ?? '2020-04-07',
    'x-acs-action': call.action ?? 'UploadUserCertificate',
    'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20 Core/1.0.1 TeaDSL/2',
    'x-acs-date': call.date ?? OpenApiUtil.getTimestamp(),
    'x-acs-signature-nonce': call.nonce ?? OpenApiUtil.getNonce(),
    accept: 'application/json',
    ...(call.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    'x-acs-content-sha256': payloadHash,
    'x-acs-credentials-provider': 'static_ak',
    ...call.extraHeaders,
  };
  const query = call.query ?? {};
  const signable = { method: 'POST', pathname: '/', query: { ...query }, headers } as unknown as AuthorizationRequest;
  headers['authorization'] = OpenApiUtil.getAuthorization(signable, ACS3, payloadHash, call.accessKeyId ?? AK, call.secret ?? SECRET);
  const search = stringify(query);
  return fakeRequest(search ? `/?${search}` : '/', headers, body);
}

function fakeRequest(url: string, headers: Record<string, string>, body: string): Request {
  const all: Record<string, string> = body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : { ...headers, 'content-length': '0' };
  return {
    method: 'POST',
    url,
    originalUrl: url,
    headers: all,
    body: body ? parse(body) : {},
    rawBody: body ? Buffer.from(body, 'utf8') : undefined,
    header: (name: string) => all[name.toLowerCase()],
    is: (type: string) => (all['content-type']?.startsWith(type) ? type : false),
  } as unknown as Request;
}

function changed(request: Request, change: { url?: string; body?: string; headers?: Record<string, string | undefined> }): Request {
  const headers = Object.fromEntries(
    Object.entries({ ...(request.headers as Record<string, string>), ...change.headers }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const body = change.body ?? ((request as unknown as { rawBody?: Buffer }).rawBody?.toString('utf8') ?? '');
  return fakeRequest(change.url ?? request.originalUrl, headers, body);
}

const UPLOAD = { Name: 'shop cert *~1', Cert: '-----BEGIN CERTIFICATE-----\nMIIB+/==\n-----END CERTIFICATE-----\n', Key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' };

describe("Alibaba signature v3: requests signed by openapi-core's own signer", () => {
  /** The store knows a Huawei AK too (same kind of record): only its shape keeps it out of Alibaba signatures. */
  const HUAWEI_AK = 'QTWAOYTTINDUT2QVKYUC';
  const credentials = {
    accessKey: async (id: string) => (id === AK || id === HUAWEI_AK ? { tenantId: TENANT, secret: SECRET } : null),
  } as unknown as CredentialResolver;
  let nonces: AlibabaNonceCache;
  let authenticator: AlibabaRequestAuthenticator;
  beforeEach(() => {
    nonces = new AlibabaNonceCache({ noncesPerAccessKey: 100, nonceCapacity: 1000 });
    // The shared ledger is exercised over a real bus in alibaba-cas-errors.spec; here every nonce is new to it.
    authenticator = new AlibabaRequestAuthenticator(credentials, nonces, { claim: async () => undefined } as unknown as AlibabaNonceLedger);
  });
  afterEach(() => nonces.onModuleDestroy());

  const tenantOf = (request: Request) => authenticator.tenantOf(request, readCall(request));
  const codeOf = (request: Request) =>
    Promise.resolve()
      .then(() => tenantOf(request))
      .then(
        () => 'accepted',
        (error: { dialectCode?: string }) => error.dialectCode ?? 'no code',
      );

  it('accepts UploadUserCertificate with its parameters in the query, as cas20200407 sends it', async () => {
    const request = signedByOpenApiCore({ query: { ...UPLOAD, 'Tags.1.Key': 'team', 'Tags.1.Value': 'a b' } });
    expect(readCall(request)).toMatchObject({ signatureVersion: 'v3', action: 'UploadUserCertificate', format: 'JSON' });
    await expect(tenantOf(request)).resolves.toBe(TENANT);
  });

  it('accepts CreateUserCertificate (2018-07-13) with a form body, as callApi sends a formData body', async () => {
    const request = signedByOpenApiCore({ action: 'CreateUserCertificate', version: '2018-07-13', form: UPLOAD });
    expect(readCall(request)).toMatchObject({ signatureVersion: 'v3', action: 'CreateUserCertificate' });
    expect(readCall(request).parameters.get('Name')).toBe(UPLOAD.Name);
    await expect(tenantOf(request)).resolves.toBe(TENANT);
  });

  it('refuses a wrong secret: SignatureDoesNotMatch', async () => {
    expect(await codeOf(signedByOpenApiCore({ query: UPLOAD, secret: `${SECRET.slice(0, -1)}x` }))).toBe('SignatureDoesNotMatch');
  });

  it('refuses a query, body or signed header changed after signing', async () => {
    const query = signedByOpenApiCore({ query: UPLOAD });
    expect(await codeOf(changed(query, { url: `/?${stringify({ ...UPLOAD, Name: 'other' })}` }))).toBe('SignatureDoesNotMatch');
    expect(await codeOf(changed(query, { headers: { host: 'elsewhere.example.com' } }))).toBe('SignatureDoesNotMatch');
    const form = signedByOpenApiCore({ action: 'CreateUserCertificate', version: '2018-07-13', form: UPLOAD });
    expect(await codeOf(changed(form, { body: OpenApiUtil.toForm({ ...UPLOAD, Name: 'other' }) }))).toBe('SignatureDoesNotMatch');
  });

  it('says so when x-acs-content-sha256 is not the hash of the body received', async () => {
    const form = signedByOpenApiCore({ action: 'CreateUserCertificate', version: '2018-07-13', form: UPLOAD });
    const tampered = changed(form, { body: OpenApiUtil.toForm({ ...UPLOAD, Name: 'other' }) });
    await expect(tenantOf(tampered)).rejects.toMatchObject({ dialectCode: 'SignatureDoesNotMatch', message: 'x-acs-content-sha256 is not the SHA-256 of the request body.' });
  });

  it('refuses a date more than 15 minutes off: InvalidTimeStamp.Expired', async () => {
    const skewed = new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(await codeOf(signedByOpenApiCore({ query: UPLOAD, date: skewed }))).toBe('InvalidTimeStamp.Expired');
  });

  it('refuses a replayed nonce through the same replay guard as v1: SignatureNonceUsed', async () => {
    const nonce = randomUUID();
    await expect(tenantOf(signedByOpenApiCore({ query: UPLOAD, nonce }))).resolves.toBe(TENANT);
    expect(await codeOf(signedByOpenApiCore({ query: UPLOAD, nonce }))).toBe('SignatureNonceUsed');
  });

  it('refuses an x-acs-* header or the host left out of SignedHeaders: IncompleteSignature', async () => {
    const request = signedByOpenApiCore({ query: UPLOAD });
    const authorization = request.header('authorization') as string;
    expect(await codeOf(changed(request, { headers: { 'x-acs-extra': 'unsigned' } }))).toBe('IncompleteSignature');
    expect(await codeOf(changed(request, { headers: { authorization: authorization.replace('host;', '') } }))).toBe('IncompleteSignature');
    expect(await codeOf(changed(request, { headers: { authorization: authorization.replace(/Signature=\w+/, 'Signature=zz') } }))).toBe('IncompleteSignature');
  });

  it('refuses another ACS3 algorithm (InvalidSignatureMethod) and a missing header (Missing…)', async () => {
    const request = signedByOpenApiCore({ query: UPLOAD });
    const authorization = request.header('authorization') as string;
    expect(await codeOf(changed(request, { headers: { authorization: authorization.replace(ACS3, 'ACS3-HMAC-SM3') } }))).toBe('InvalidSignatureMethod');
    expect(await codeOf(changed(request, { headers: { 'x-acs-signature-nonce': undefined } }))).toBe('MissingSignatureNonce');
    expect(await codeOf(changed(request, { headers: { 'x-acs-date': undefined } }))).toBe('MissingTimestamp');
    expect(await codeOf(changed(request, { headers: { authorization: undefined } }))).toBe('IncompleteSignature');
  });

  it('does not look up a Huawei-shaped AK: InvalidAccessKeyId.NotFound', async () => {
    expect(await codeOf(signedByOpenApiCore({ query: UPLOAD, accessKeyId: HUAWEI_AK }))).toBe('InvalidAccessKeyId.NotFound');
  });

  it('refuses an Action parameter that contradicts x-acs-action, and serves only the implemented pairs', async () => {
    expect(await codeOf(signedByOpenApiCore({ query: { ...UPLOAD, Action: 'CreateUserCertificate' } }))).toBe('InvalidParameter');
    expect(await codeOf(signedByOpenApiCore({ query: UPLOAD, action: 'CreateUserCertificate' }))).toBe('InvalidAction.NotFound');
    expect(await codeOf(signedByOpenApiCore({ query: UPLOAD, version: '2017-01-01' }))).toBe('InvalidVersion');
  });
});
