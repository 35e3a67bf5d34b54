import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { createCloudAccessKey } from './support/cloud-access-keys';
import { withWrongSecret, type AccessKeyPair } from './support/credentials';
import { apigCreateCertificate, huaweiClient, huaweiSdkFailure, scmImportCertificate } from './support/huawei-sdk-client';
import { scmIdOf } from './support/huawei-scm-client';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let cert: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  cert = await createTestCertificate({ keyType: 'p256', commonName: 'sdk.example.com', sans: ['sdk.example.com'] });
});
afterAll(async () => env?.close());

const project = () => `proj-${randomUUID().slice(0, 8)}`;
const storedIn = (tenantId: string) => env.db.collection<{ _id: number; name: string }>('certificates').find({ tenantId }).toArray();
/** X-Sdk-Date as Huawei's signer writes it, shifted from now. */
const sdkDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

async function huaweiKey(tenantId: string): Promise<AccessKeyPair> {
  const key = await createCloudAccessKey(env, tenantId, 'huawei');
  expect(key).toEqual({ tenant: tenantId, accessKeyId: expect.stringMatching(/^[A-Z0-9]{20}$/), accessKeySecret: expect.stringMatching(/^[A-Za-z0-9]{40}$/) });
  return key;
}

describe("Huawei SCM import signed by the SDK core's AKSKSigner (BasicCredentials)", () => {
  it('imports what ImportCertificateRequestBody(name, certificate, private_key) sends: no certificate_chain', async () => {
    const tenantId = project();
    const client = huaweiClient(env.stack.gatewayUrl, await huaweiKey(tenantId), tenantId);

    const answer = await scmImportCertificate(client, { name: 'sdk-scm', certificate: cert.certificatePem, private_key: cert.privateKeyPem });

    const [stored, ...others] = await storedIn(tenantId);
    expect(others).toHaveLength(0);
    expect(answer).toEqual({ certificate_id: scmIdOf(stored?._id ?? 0), httpStatusCode: 200 });
    expect(stored).toMatchObject({ name: 'sdk-scm', chainPem: [] });
  });

  it('accepts the optional duplicate_check and enterprise_project_id of the current model', async () => {
    const tenantId = project();
    const client = huaweiClient(env.stack.gatewayUrl, await huaweiKey(tenantId), tenantId);

    const answer = await scmImportCertificate(client, {
      name: 'sdk-optional', certificate: cert.certificatePem, private_key: cert.privateKeyPem, duplicate_check: true, enterprise_project_id: '0',
    });

    expect(answer).toMatchObject({ certificate_id: expect.stringMatching(/^scs\d{13}$/) });
  });
});

describe("Huawei APIG create signed by the SDK core's AKSKSigner (BasicCredentials)", () => {
  it('creates the certificate in the project of the credentials and answers algorithm_type', async () => {
    const tenantId = project();
    const client = huaweiClient(env.stack.gatewayUrl, await huaweiKey(tenantId), tenantId);

    const answer = await apigCreateCertificate(client, { name: 'sdk_apig', cert_content: cert.certificatePem, private_key: cert.privateKeyPem, algorithm_type: 'ECC' });

    expect(answer).toMatchObject({ name: 'sdk_apig', project_id: tenantId, type: 'global', algorithm_type: 'ECC', common_name: 'sdk.example.com', httpStatusCode: 200 });
    expect((await storedIn(tenantId)).map((doc) => doc.name)).toEqual(['sdk_apig']);
  });
});

describe('Huawei AK/SK refusals, as the SDK surfaces them (ClientRequestException with the error_code)', () => {
  let tenantId: string;
  let key: AccessKeyPair;
  beforeAll(async () => {
    tenantId = project();
    key = await huaweiKey(tenantId);
  });
  const body = (name: string) => ({ name, certificate: cert.certificatePem, private_key: cert.privateKeyPem });
  const form = (name: string) => ({ name, cert_content: cert.certificatePem, private_key: cert.privateKeyPem });

  it('a wrong secret: 401 APIG.0301 on SCM and on APIG, nothing stored', async () => {
    const wrong = huaweiClient(env.stack.gatewayUrl, withWrongSecret(key), tenantId);

    const scm = await huaweiSdkFailure(scmImportCertificate(wrong, body('wrong-secret')));
    const apig = await huaweiSdkFailure(apigCreateCertificate(wrong, form('wrong_secret')));

    const refused = { type: 'ClientRequestException', httpStatusCode: 401, errorCode: 'APIG.0301', errorMsg: 'Incorrect IAM authentication information: verify aksk signature fail' };
    expect([scm, apig]).toEqual([refused, refused]);
    expect(await storedIn(tenantId)).toHaveLength(0);
  });

  it('an X-Sdk-Date 16 minutes off: 401 APIG.0301 "signature expired"', async () => {
    const client = huaweiClient(env.stack.gatewayUrl, key, tenantId);

    const scm = await huaweiSdkFailure(scmImportCertificate(client, body('stale'), { 'X-Sdk-Date': sdkDate(-16 * 60_000) }));
    const apig = await huaweiSdkFailure(apigCreateCertificate(client, form('stale_date'), { 'X-Sdk-Date': sdkDate(16 * 60_000) }));

    for (const failure of [scm, apig]) {
      expect(failure).toMatchObject({ httpStatusCode: 401, errorCode: 'APIG.0301', errorMsg: expect.stringContaining('signature expired') });
    }
  });

  it('temporary AK/SK (X-Security-Token): 401 APIG.0301 saying so', async () => {
    const client = huaweiClient(env.stack.gatewayUrl, key, tenantId, 'sts-token-from-iam');

    const failure = await huaweiSdkFailure(scmImportCertificate(client, body('temporary')));

    expect(failure).toMatchObject({ httpStatusCode: 401, errorCode: 'APIG.0301', errorMsg: expect.stringContaining('temporary AK/SK (X-Security-Token) is not supported') });
  });

  it("another project than the AK's: 403 SCM.0003 (X-Project-Id) and 403 APIG.1005 (project_id), nothing stored anywhere", async () => {
    const other = project();
    const client = huaweiClient(env.stack.gatewayUrl, key, other);

    const scm = await huaweiSdkFailure(scmImportCertificate(client, body('cross')));
    const apig = await huaweiSdkFailure(apigCreateCertificate(client, form('cross_project')));

    expect(scm).toMatchObject({ httpStatusCode: 403, errorCode: 'SCM.0003' });
    expect(apig).toMatchObject({ httpStatusCode: 403, errorCode: 'APIG.1005' });
    expect([...(await storedIn(tenantId)), ...(await storedIn(other))]).toHaveLength(0);
  });

  it('an Alibaba AccessKey pair is not a Huawei AK: 401 APIG.0301', async () => {
    const alibaba = await createCloudAccessKey(env, tenantId, 'alibaba');

    const failure = await huaweiSdkFailure(scmImportCertificate(huaweiClient(env.stack.gatewayUrl, alibaba, tenantId), body('alibaba-key')));

    expect(failure).toMatchObject({ httpStatusCode: 401, errorCode: 'APIG.0301', errorMsg: expect.stringContaining('ak not exist') });
  });
});
