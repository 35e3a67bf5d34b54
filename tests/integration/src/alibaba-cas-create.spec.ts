import RPCClient from '@alicloud/pop-core';
import { chainPemOf, createTestCertificate, createTestChain } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { callCas, expectCasError } from './support/alibaba-cas-client';
import { createAccessKey, type AccessKeyPair } from './support/credentials';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

const account = () => `aliyun-${randomUUID().slice(0, 8)}`;
const storedFor = (tenantId: string) => env.db.collection('certificates').find({ tenantId }).toArray();
/** pop-core's default read timeout is 3 s; a loaded test machine may need longer for the first import. */
const SDK_OPTIONS = { timeout: 30_000 };

function sdk(key: AccessKeyPair): RPCClient {
  return new RPCClient({ ...key, endpoint: env.stack.gatewayUrl, apiVersion: '2018-07-13' });
}

describe('Alibaba CAS CreateUserCertificate', () => {
  it.each(['rsa2048', 'p256', 'ed25519'] as const)('stores a %s certificate and answers {RequestId, CertId}', async (keyType) => {
    const tenantId = account();
    const key = await createAccessKey(env, tenantId);
    const cert = await createTestCertificate({ keyType, commonName: 'cas.example.com', sans: ['cas.example.com'] });

    const answer = await callCas(env.stack.gatewayUrl, { key, params: { Cert: cert.certificatePem, Key: cert.privateKeyPem, Name: `c-${keyType}` } });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ RequestId: expect.any(String), CertId: expect.any(Number) });
    const { CertId } = answer.body as { CertId: number };
    const [stored, ...others] = await storedFor(tenantId);
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({ _id: CertId, tenantId, name: `c-${keyType}` });
    expect(stored?.['metadata'].serialNumberHex).toBe(cert.serialNumberHex);
  });

  it("answers Alibaba's XML when Format=XML, with the same RequestId as the X-Request-Id header", async () => {
    const tenantId = account();
    const key = await createAccessKey(env, tenantId);
    const cert = await createTestCertificate({ keyType: 'p256' });
    const requestId = `xml-${randomUUID()}`;

    const answer = await callCas(env.stack.gatewayUrl, {
      key, method: 'GET', common: { Format: 'XML' }, headers: { 'Idempotency-Key': requestId },
      params: { Cert: cert.certificatePem, Key: cert.privateKeyPem, Name: 'xml' },
    });

    const [stored] = await storedFor(tenantId);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(
      `<?xml version='1.0' encoding='UTF-8'?><CreateUserCertificateResponse><RequestId>${requestId}</RequestId>` +
        `<CertId>${stored?._id}</CertId></CreateUserCertificateResponse>`,
    );
  });

  it('takes further certificates in Cert as the chain', async () => {
    const tenantId = account();
    const key = await createAccessKey(env, tenantId);
    const chain = await createTestChain({ leafKeyType: 'p256', depth: 2 });
    const pem = chain.leaf.certificatePem + chainPemOf(chain);

    const answer = await callCas(env.stack.gatewayUrl, { key, params: { Cert: pem, Key: chain.leaf.privateKeyPem, Name: 'chained' } });

    expect(answer.status).toBe(200);
    const [stored] = await storedFor(tenantId);
    expect(stored?.['chainPem']).toHaveLength(chain.intermediates.length);
  });

  describe('an unmodified Alibaba Cloud SDK (@alicloud/pop-core 1.8.0)', () => {
    let key: AccessKeyPair;
    let tenantId: string;
    beforeAll(async () => {
      tenantId = account();
      key = await createAccessKey(env, tenantId);
    });

    it('creates a certificate with POST (form body) and with the default GET (query string)', async () => {
      const a = await createTestCertificate({ keyType: 'p256' });
      const b = await createTestCertificate({ keyType: 'ed25519' });

      const posted = await sdk(key).request<{ CertId: number; RequestId: string }>(
        'CreateUserCertificate', { Cert: a.certificatePem, Key: a.privateKeyPem, Name: 'sdk-post' }, { method: 'POST', ...SDK_OPTIONS });
      const got = await sdk(key).request<{ CertId: number; RequestId: string }>(
        'CreateUserCertificate', { Cert: b.certificatePem, Key: b.privateKeyPem, Name: 'sdk-get' }, SDK_OPTIONS);

      expect(posted).toEqual({ RequestId: expect.any(String), CertId: expect.any(Number) });
      expect(got).toEqual({ RequestId: expect.any(String), CertId: expect.any(Number) });
      const stored = await env.db.collection('certificates').find({ tenantId, name: { $in: ['sdk-post', 'sdk-get'] } }).toArray();
      expect(stored.map((doc) => [doc['name'], doc['_id']]).sort()).toEqual([['sdk-get', got.CertId], ['sdk-post', posted.CertId]]);
    });

    it('sends an RSA-4096 certificate and key in a GET query string (within the default header limit)', async () => {
      const cert = await createTestCertificate({ keyType: 'rsa4096' });

      const got = await sdk(key).request<{ CertId: number }>(
        'CreateUserCertificate', { Cert: cert.certificatePem, Key: cert.privateKeyPem, Name: 'sdk-rsa4096' }, SDK_OPTIONS);

      expect(got.CertId).toEqual(expect.any(Number));
    });

    it('throws with code NameRepeat when the account already has the name', async () => {
      const cert = await createTestCertificate({ keyType: 'p256' });
      const params = { Cert: cert.certificatePem, Key: cert.privateKeyPem, Name: 'sdk-repeat' };
      await sdk(key).request('CreateUserCertificate', params, { method: 'POST', ...SDK_OPTIONS });

      const failure = await sdk(key).request('CreateUserCertificate', params, { method: 'POST', ...SDK_OPTIONS }).then(
        () => new Error('no error thrown'),
        (error: Error & { code?: string }) => error,
      );

      expect(failure).toMatchObject({ name: 'NameRepeatError', code: 'NameRepeat' });
      expect(await env.db.collection('certificates').countDocuments({ tenantId, name: 'sdk-repeat' })).toBe(1);
    });
  });

  describe('tenancy: the AccessKey decides the account', () => {
    it("lets account A use a name account B already uses, and stores A's certificate in A only", async () => {
      const [tenantA, tenantB] = [account(), account()];
      const [keyA, keyB] = [await createAccessKey(env, tenantA), await createAccessKey(env, tenantB)];
      const cert = await createTestCertificate({ keyType: 'p256' });
      const params = { Cert: cert.certificatePem, Key: cert.privateKeyPem, Name: 'shared' };
      const inB = await callCas(env.stack.gatewayUrl, { key: keyB, params });

      const inA = await callCas(env.stack.gatewayUrl, { key: keyA, params });

      expect([inB.status, inA.status]).toEqual([200, 200]);
      const idA = (inA.body as { CertId: number }).CertId;
      expect((await storedFor(tenantA)).map((doc) => [doc._id, doc['name']])).toEqual([[idA, 'shared']]);
      expect((await storedFor(tenantB)).map((doc) => doc._id)).toEqual([(inB.body as { CertId: number }).CertId]);
      expect(idA).not.toBe((inB.body as { CertId: number }).CertId);
    });

    it("refuses account B's AccessKeyId signed with account A's secret, storing nothing anywhere", async () => {
      const [tenantA, tenantB] = [account(), account()];
      const [keyA, keyB] = [await createAccessKey(env, tenantA), await createAccessKey(env, tenantB)];
      const cert = await createTestCertificate({ keyType: 'p256' });

      const answer = await callCas(env.stack.gatewayUrl, {
        key: keyB, signWith: keyA.accessKeySecret, params: { Cert: cert.certificatePem, Key: cert.privateKeyPem, Name: 'cross' },
      });

      expectCasError(answer, 400, 'SignatureDoesNotMatch');
      expect([...(await storedFor(tenantA)), ...(await storedFor(tenantB))]).toHaveLength(0);
    });
  });

  describe('idempotency', () => {
    it('answers a retry with the same Idempotency-Key (and a fresh nonce) with the stored CertId', async () => {
      const tenantId = account();
      const key = await createAccessKey(env, tenantId);
      const cert = await createTestCertificate({ keyType: 'p256' });
      const call = { key, headers: { 'Idempotency-Key': `retry-${randomUUID()}` }, params: { Cert: cert.certificatePem, Key: cert.privateKeyPem, Name: 'retry' } };

      const first = await callCas(env.stack.gatewayUrl, call);
      const second = await callCas(env.stack.gatewayUrl, call);

      expect(first.status).toBe(200);
      expect(second).toMatchObject({ status: 200, body: first.body });
      expect(await storedFor(tenantId)).toHaveLength(1);
    });
  });
});
