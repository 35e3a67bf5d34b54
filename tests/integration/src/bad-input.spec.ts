import { createTestCertificate, createTestCsrPem, type TestCertificate } from '@certhub/testing';
import { request } from 'node:http';
import { expectRainbondError } from './support/rainbond-assertions';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let team: RainbondTeam;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  team = await newRainbondTeam(env);
});
afterAll(async () => env?.close());

const stored = () => env.db.collection('certificates').countDocuments({ tenantId: team.id });

/** Sends raw bytes, as a broken or hostile client would, bypassing fetch's own encoding. */
function sendBytes(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const url = new URL(`${env.stack.gatewayUrl}${path}`);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const sendRaw = (body: Buffer) =>
  sendBytes(`/openapi/v1/teams/${team.id}/certificates`, body, { 'content-type': 'application/json; charset=utf-8', authorization: team.token });

interface JsonApi {
  readonly name: string;
  readonly path: () => string;
  readonly auth: () => Record<string, string>;
  /** A complete, valid import body for this API. */
  readonly fields: (cert: TestCertificate, name: string) => Record<string, string>;
  /** The API's documented 400 for a body it cannot take as parameters. */
  readonly refusal: Record<string, unknown>;
}

/** Every API that takes JSON only, each with its own "body not JSON / parameters" 400 (the team's token serves as a Huawei project's). */
const JSON_APIS: readonly JsonApi[] = [
  {
    name: 'Rainbond',
    path: () => `/openapi/v1/teams/${team.id}/certificates`,
    auth: () => ({ authorization: team.token }),
    fields: (cert, name) => ({ alias: name, certificate: cert.certificatePem, private_key: cert.privateKeyPem, certificate_type: 'server' }),
    refusal: { code: 400, msg: expect.stringContaining('invalid parameters') },
  },
  {
    name: 'Huawei SCM',
    path: () => '/v3/scm/certificates/import',
    auth: () => ({ 'x-auth-token': team.token }),
    fields: (cert, name) => ({ name, certificate: cert.certificatePem, private_key: cert.privateKeyPem }),
    refusal: { error_code: 'SCM.0005' },
  },
  {
    name: 'Huawei APIG',
    path: () => `/v2/${team.id}/apigw/certificates`,
    auth: () => ({ 'x-auth-token': team.token }),
    fields: (cert, name) => ({ name, type: 'global', cert_content: cert.certificatePem, private_key: cert.privateKeyPem }),
    refusal: { error_code: 'APIG.2000' },
  },
  {
    name: 'certhub',
    path: () => `/certhub/v1/tenants/${team.id}/certificates`,
    auth: () => ({ authorization: team.token }),
    fields: (cert, name) => ({ name, certificate: cert.certificatePem, privateKey: cert.privateKeyPem }),
    refusal: { code: 'INVALID_REQUEST' },
  },
];

describe('hostile request bodies, answered in the API format with nothing stored', () => {
  it('refuses a body over HTTP_BODY_LIMIT_BYTES (256 KiB) with 413 before parsing it', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const answer = await team.add({ alias: 'big', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'x'.repeat(300_000) });
    expectRainbondError(answer, 413, 'invalid parameters');
    expect(await stored()).toBe(0);
  });

  it('answers deeply nested JSON with 400 and stays up', async () => {
    const nested = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const answer = await sendRaw(Buffer.from(`{"alias": ${nested}}`));
    expect(answer.status).toBe(400);
    expect((await fetch(`${env.stack.gatewayUrl}/health/live`)).status).toBe(200);
    expect(await stored()).toBe(0);
  });

  it('answers JSON that is not an object (null, a number, a string, an array) with 400 saying so', async () => {
    for (const body of ['null', '42', '"text"', '[]', ' null ']) {
      const answer = await sendRaw(Buffer.from(body));
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('The request body must be a JSON object.');
    }
    // Not valid JSON at all is still called that.
    expect(JSON.stringify((await sendRaw(Buffer.from('nul'))).body)).toContain('not valid JSON');
    expect(await stored()).toBe(0);
  });

  it('answers invalid UTF-8 with 400', async () => {
    const answer = await sendRaw(Buffer.concat([Buffer.from('{"alias": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]));
    // Said so: the body is incomplete as well, and a 400 for that alone once hid bytes read as U+FFFD.
    expectRainbondError(answer as { status: number; body: unknown; text: string }, 400, 'not valid UTF-8');
    expect(await stored()).toBe(0);
  });

  it('answers NoSQL operators in every string field with 400', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const valid = { alias: 'ops', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };
    for (const field of Object.keys(valid)) {
      const answer = await team.add({ ...valid, [field]: { $gt: '' } });
      expectRainbondError(answer, 400, field);
    }
    expect(await stored()).toBe(0);
  });

  it('answers a private key or a CSR in the certificate field, or two keys, with the certificate/key errors, whatever text surrounds them', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    expectRainbondError(await team.add({ alias: 'k', private_key: cert.privateKeyPem, certificate: cert.privateKeyPem, certificate_type: 's' }), 400, 'the certificate is invalid');
    expectRainbondError(await team.add({ alias: 'k', private_key: `${cert.privateKeyPem}${cert.privateKeyPem}`, certificate: cert.certificatePem, certificate_type: 's' }), 400, 'the private key is invalid');
    expectRainbondError(await team.add({ alias: 'k', private_key: cert.privateKeyPem, certificate: `subject=CN = csr.example\n${await createTestCsrPem()}trailing words`, certificate_type: 's' }), 400, 'the certificate is invalid');
    expect(await stored()).toBe(0);
  });

  it.each(JSON_APIS.map((api) => [api.name, api]))('%s: refuses a form-encoded body (only Alibaba takes forms) with its "body not JSON" 400', async (_name, api) => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const form = Buffer.from(new URLSearchParams(api.fields(cert, 'form1')).toString());
    const answer = await sendBytes(api.path(), form, { 'content-type': 'application/x-www-form-urlencoded', ...api.auth() });
    expect(answer).toEqual({ status: 400, body: expect.objectContaining(api.refusal) });
    expect(JSON.stringify(answer.body)).toContain('must be JSON (Content-Type: application/json)');
    expect(await stored()).toBe(0);
  });

  it.each(JSON_APIS.map((api) => [api.name, api]))('%s: takes charset=utf8 (any case) as UTF-8, and answers any other charset with its 400, never 415', async (_name, api) => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const json = (name: string) => Buffer.from(JSON.stringify(api.fields(cert, name)));
    for (const charset of ['latin1', 'us-ascii', 'utf-16']) {
      const answer = await sendBytes(api.path(), json(`cs-${charset}`), { 'content-type': `application/json; charset=${charset}`, ...api.auth() });
      expect(answer).toEqual({ status: 400, body: expect.objectContaining(api.refusal) });
      expect(JSON.stringify(answer.body)).toContain('must be JSON in UTF-8');
    }
    expect(await stored()).toBe(0);
    const accepted = await sendBytes(api.path(), json(`utf8_${api.name.length}`), { 'content-type': 'application/json; charset=UTF8', ...api.auth() });
    expect([200, 201]).toContain(accepted.status);
    await env.db.collection('certificates').deleteMany({ tenantId: team.id });
  });

  it.each(JSON_APIS.map((api) => [api.name, api]))('%s: refuses a name with a lone surrogate or bytes that are not UTF-8 with its 400, instead of storing U+FFFD', async (_name, api) => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    // A complete, valid import but for its name: the name is the only reason for the 400.
    const [before, after] = JSON.stringify(api.fields(cert, 'PLACEHOLDER')).split('PLACEHOLDER');
    const bodies = [
      Buffer.from(`${before}a\\ud800zz1${after}`),
      Buffer.from(`${before}\\udbffzz1${after}`),
      Buffer.concat([Buffer.from(`${before}ab`), Buffer.from([0xff, 0xfe]), Buffer.from(`cd${after}`)]),
    ];
    for (const body of bodies) {
      const answer = await sendBytes(api.path(), body, { 'content-type': 'application/json', ...api.auth() });
      expect(answer).toEqual({ status: 400, body: expect.objectContaining(api.refusal) });
      expect(JSON.stringify(answer.body)).toMatch(/not well-formed Unicode|not valid UTF-8/);
    }
    expect(await stored()).toBe(0);
  });
});
