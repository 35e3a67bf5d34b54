import RPCClient from '@alicloud/pop-core';
import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { callCreateUserCertificate, casClient, casFailure, uploadRequest } from './support/alibaba-sdk-client';
import { createCloudAccessKey } from './support/cloud-access-keys';
import { withWrongSecret, type AccessKeyPair } from './support/credentials';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let cert: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  cert = await createTestCertificate({ keyType: 'rsa2048', commonName: 'sdk.example.com', sans: ['sdk.example.com'] });
});
afterAll(async () => env?.close());

const account = () => `aliyun-${randomUUID().slice(0, 8)}`;
const storedIn = (tenantId: string) => env.db.collection<{ _id: number; uid: string; name: string }>('certificates').find({ tenantId }).toArray();
/** x-acs-date as openapi-core writes it, shifted from now. */
const acsDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** pop-core's default read timeout is 3 s; a loaded test machine may need longer for the first import. */
const POP_OPTIONS = { timeout: 30_000 };

async function alibabaKey(tenantId: string): Promise<AccessKeyPair> {
  const key = await createCloudAccessKey(env, tenantId, 'alibaba');
  expect(key.accessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
  return key;
}

describe('@alicloud/cas20200407 3.0.0 with default settings (signature v3)', () => {
  let tenantId: string;
  let key: AccessKeyPair;
  beforeAll(async () => {
    tenantId = account();
    key = await alibabaKey(tenantId);
  });

  it('uploadUserCertificate stores the certificate and answers CertId, RequestId and ResourceId', async () => {
    const answer = await casClient(env.stack.gatewayUrl, key).uploadUserCertificate(
      uploadRequest({ name: 'sdk-upload', cert: cert.certificatePem, key: cert.privateKeyPem }),
    );

    const [stored] = (await storedIn(tenantId)).filter((doc) => doc.name === 'sdk-upload');
    expect(answer.statusCode).toBe(200);
    expect(answer.body?.toMap()).toEqual({ CertId: stored?._id, RequestId: expect.any(String), ResourceId: `cas-upload-${stored?.uid}` });
  });

  it('a duplicate name surfaces NameRepeat as the error code', async () => {
    const client = casClient(env.stack.gatewayUrl, key);
    await client.uploadUserCertificate(uploadRequest({ name: 'sdk-repeat', cert: cert.certificatePem, key: cert.privateKeyPem }));

    const failure = await casFailure(client.uploadUserCertificate(uploadRequest({ name: 'sdk-repeat', cert: cert.certificatePem, key: cert.privateKeyPem })));

    expect(failure).toEqual({ name: 'ClientError', code: 'NameRepeat', statusCode: 400 });
    expect((await storedIn(tenantId)).filter((doc) => doc.name === 'sdk-repeat')).toHaveLength(1);
  });

  it('its generic callApi calls CreateUserCertificate (2018-07-13) with a form body', async () => {
    const body = await callCreateUserCertificate(casClient(env.stack.gatewayUrl, key), { Name: 'sdk-callapi', Cert: cert.certificatePem, Key: cert.privateKeyPem });

    const [stored] = (await storedIn(tenantId)).filter((doc) => doc.name === 'sdk-callapi');
    expect(body).toEqual({ RequestId: expect.any(String), CertId: stored?._id });
  });
});

describe('@alicloud/pop-core 1.8.0 (signature v1) with UploadUserCertificate of 2020-04-07', () => {
  it('uploads with the default GET and with POST', async () => {
    const tenantId = account();
    const pop = new RPCClient({ ...(await alibabaKey(tenantId)), endpoint: env.stack.gatewayUrl, apiVersion: '2020-04-07' });
    const params = (name: string) => ({ Name: name, Cert: cert.certificatePem, Key: cert.privateKeyPem });

    const got = await pop.request<{ CertId: number; ResourceId: string }>('UploadUserCertificate', params('pop-get'), POP_OPTIONS);
    const posted = await pop.request<{ CertId: number; ResourceId: string }>('UploadUserCertificate', params('pop-post'), { method: 'POST', ...POP_OPTIONS });

    const stored = await storedIn(tenantId);
    expect(stored.map((doc) => [doc.name, doc._id]).sort()).toEqual([['pop-get', got.CertId], ['pop-post', posted.CertId]]);
    expect(posted.ResourceId).toBe(`cas-upload-${stored.find((doc) => doc.name === 'pop-post')?.uid}`);
  });
});

describe('signature v3 refusals, as the SDK surfaces them (ClientError with the Code)', () => {
  let tenantId: string;
  let key: AccessKeyPair;
  beforeAll(async () => {
    tenantId = account();
    key = await alibabaKey(tenantId);
  });
  const upload = (name: string) => uploadRequest({ name, cert: cert.certificatePem, key: cert.privateKeyPem });

  it("a wrong secret: Alibaba's 400 SignatureDoesNotMatch, nothing stored", async () => {
    const client = casClient(env.stack.gatewayUrl, withWrongSecret(key));

    expect(await casFailure(client.uploadUserCertificate(upload('wrong-secret')))).toEqual({ name: 'ClientError', code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(await storedIn(tenantId)).toHaveLength(0);
  });

  it('an x-acs-date 16 minutes off (set through the SDK’s globalParameters): InvalidTimeStamp.Expired', async () => {
    const client = casClient(env.stack.gatewayUrl, key, { 'x-acs-date': acsDate(-16 * 60_000) });

    expect(await casFailure(client.uploadUserCertificate(upload('stale')))).toMatchObject({ code: 'InvalidTimeStamp.Expired', statusCode: 400 });
  });

  it('a replayed x-acs-signature-nonce: SignatureNonceUsed, and only the first upload is stored', async () => {
    const client = casClient(env.stack.gatewayUrl, key, { 'x-acs-signature-nonce': randomUUID() });
    await client.uploadUserCertificate(upload('nonce-first'));

    expect(await casFailure(client.uploadUserCertificate(upload('nonce-again')))).toMatchObject({ code: 'SignatureNonceUsed', statusCode: 400 });
    expect((await storedIn(tenantId)).map((doc) => doc.name)).toEqual(['nonce-first']);
  });

  it('a Huawei AK is not an Alibaba AccessKeyId: InvalidAccessKeyId.NotFound', async () => {
    const huawei = await createCloudAccessKey(env, tenantId, 'huawei');

    expect(await casFailure(casClient(env.stack.gatewayUrl, huawei).uploadUserCertificate(upload('huawei-key')))).toMatchObject({
      code: 'InvalidAccessKeyId.NotFound',
      statusCode: 404,
    });
  });
});
