import {
  createExpiredCertificate, createNotYetValidCertificate, createTestCertificate, createTestChain, createTestCsrPem,
  encryptPrivateKeyPem, type TestCertificate,
} from '@certhub/testing';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { callCas, casTimestamp, expectCasError, sendParameters, signedParameters, type CasCall } from './support/alibaba-cas-client';
import { createAccessKey, type AccessKeyPair } from './support/credentials';
import type { HttpAnswer } from './support/http-client';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/** Small enough to reach Throttling.User with a few cheap requests, large enough for every other test's key. */
const NONCES_PER_ACCESS_KEY = 40;

let env: SuiteEnvironment;
let tenantId: string;
let key: AccessKeyPair;
let good: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment({ env: { gateway: { ALIBABA_NONCES_PER_ACCESS_KEY: String(NONCES_PER_ACCESS_KEY) } } });
  tenantId = `aliyun-${randomUUID().slice(0, 8)}`;
  key = await createAccessKey(env, tenantId);
  good = await createTestCertificate({ keyType: 'p256' });
});
afterAll(async () => env?.close());

const stored = () => env.db.collection('certificates').countDocuments({ tenantId });
const params = (change: Record<string, string> = {}) => ({ Cert: good.certificatePem, Key: good.privateKeyPem, Name: `n-${randomUUID()}`, ...change });
const call = (extra: Omit<CasCall, 'key'> = {}) => callCas(env.stack.gatewayUrl, { key, params: params(), ...extra });
const without = (name: string) => Object.fromEntries(Object.entries(params()).filter(([n]) => n !== name));

async function raw(path: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(`${env.stack.gatewayUrl}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // XML: the text is the body.
  }
  return { status: response.status, body, text };
}

describe('Alibaba CAS errors: refused before the signature is checked, or by it', () => {
  it.each([
    ['a parameter given twice', () => raw(`/?${new URLSearchParams(signedParameters({ key, method: 'GET', params: params() }))}&Name=dup`), 400, 'InvalidParameter'],
    ['a JSON body', () => raw('/?Format=JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params()) }), 400, 'InvalidParameter'],
    ['a form body over the size limit', () => raw('/?Format=JSON', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `Cert=${'a'.repeat(300_000)}` }), 413, 'InvalidParameter'],
    ['another HTTP method', () => raw('/?Format=JSON', { method: 'PUT' }), 404, 'InvalidAction.NotFound'],
    ['no Action', () => call({ common: { Action: null } }), 400, 'MissingAction'],
    ['no Version', () => call({ common: { Version: null } }), 400, 'MissingVersion'],
    ['a Version certhub does not serve', () => call({ common: { Version: '2019-01-01' } }), 400, 'InvalidVersion'],
    ['CreateUserCertificate with the 2020-04-07 Version, which has no such action', () => call({ common: { Version: '2020-04-07' } }), 404, 'InvalidAction.NotFound'],
    ['an unknown Action', () => call({ common: { Action: 'DeleteUserCertificate' } }), 404, 'InvalidAction.NotFound'],
    ['SignatureMethod HMAC-SHA256', () => call({ common: { SignatureMethod: 'HMAC-SHA256' } }), 400, 'InvalidSignatureMethod'],
    ['SignatureVersion 2.0', () => call({ common: { SignatureVersion: '2.0' } }), 400, 'InvalidSignatureVersion'],
    ['no AccessKeyId', () => call({ common: { AccessKeyId: null } }), 400, 'MissingAccessKeyId'],
    ['no SignatureNonce', () => call({ common: { SignatureNonce: null } }), 400, 'MissingSignatureNonce'],
    ['a SignatureNonce of 129 characters', () => call({ common: { SignatureNonce: 'n'.repeat(129) } }), 400, 'InvalidSignatureNonce'],
    ['no Timestamp', () => call({ common: { Timestamp: null } }), 400, 'MissingTimestamp'],
    ['a Timestamp with a UTC offset', () => call({ common: { Timestamp: '2024-01-01T12:00:00+08:00' } }), 400, 'InvalidTimeStamp.Format'],
    ['a Timestamp 16 minutes old', () => call({ common: { Timestamp: casTimestamp(-16 * 60_000) } }), 400, 'InvalidTimeStamp.Expired'],
    ['a Timestamp 16 minutes ahead', () => call({ common: { Timestamp: casTimestamp(16 * 60_000) } }), 400, 'InvalidTimeStamp.Expired'],
    ['no Signature', () => call({ common: { Signature: null } }), 400, 'MissingSignature'],
    ['a Signature that is no HMAC-SHA1', () => call({ common: { Signature: 'abc' } }), 400, 'IncompleteSignature'],
    ['an unknown AccessKeyId', () => call({ common: { AccessKeyId: 'LTAI00000000000000000000' } }), 404, 'InvalidAccessKeyId.NotFound'],
    ['an AccessKeyId certhub never issues', () => call({ common: { AccessKeyId: '{"$gt":""}' } }), 404, 'InvalidAccessKeyId.NotFound'],
    ['a Name changed after signing', () => call({ tamper: { Name: 'other' } }), 400, 'SignatureDoesNotMatch'],
    ['a signature made with another secret', () => call({ signWith: 'not-the-secret' }), 400, 'SignatureDoesNotMatch'],
    ['a GET signature sent as POST', () => sendParameters(env.stack.gatewayUrl, 'POST', signedParameters({ key, method: 'GET', params: params() })), 400, 'SignatureDoesNotMatch'],
  ] as const)('%s → %s, nothing stored', async (_label, send, status, code) => {
    expectCasError(await send(), status, code);
    expect(await stored()).toBe(0);
  });

  it("answers an unknown Format with InvalidParameter.Format in Alibaba's default XML", async () => {
    const answer = await call({ common: { Format: 'YAML' } });

    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(
      /^<\?xml version='1\.0' encoding='UTF-8'\?><Error><RequestId>[^<]+<\/RequestId><HostId>127\.0\.0\.1:\d+<\/HostId><Code>InvalidParameter\.Format<\/Code><Message>Specified parameter format is not valid\.<\/Message><Recommend><!\[CDATA\[[^\]]+\]\]><\/Recommend><\/Error>$/,
    );
  });

  it('refuses a replayed request (same SignatureNonce) with SignatureNonceUsed, storing nothing more', async () => {
    const replayTenant = `aliyun-${randomUUID().slice(0, 8)}`;
    const replayed = signedParameters({ key: await createAccessKey(env, replayTenant), params: params() });
    const first = await sendParameters(env.stack.gatewayUrl, 'POST', replayed);

    const again = await sendParameters(env.stack.gatewayUrl, 'POST', replayed);

    expect(first.status).toBe(200);
    expectCasError(again, 400, 'SignatureNonceUsed');
    expect(await env.db.collection('certificates').countDocuments({ tenantId: replayTenant })).toBe(1);
  });

  it('refuses a request replayed after the gateway restarted: the nonce guard outlives the process', async () => {
    const replayTenant = `aliyun-${randomUUID().slice(0, 8)}`;
    const replayed = signedParameters({ key: await createAccessKey(env, replayTenant), params: params() });
    expect((await sendParameters(env.stack.gatewayUrl, 'POST', replayed)).status).toBe(200);

    await env.stack.stop('gateway');
    await env.stack.start('gateway');

    expectCasError(await sendParameters(env.stack.gatewayUrl, 'POST', replayed), 400, 'SignatureNonceUsed');
    expect(await env.db.collection('certificates').countDocuments({ tenantId: replayTenant })).toBe(1);
  });

  it('refuses a made-up SecurityToken beside a permanent AccessKey (no STS), storing nothing', async () => {
    const before = await stored();
    expectCasError(await call({ common: { SecurityToken: 'CAIS-made-up-token' } }), 400, 'InvalidSecurityToken.MismatchWithAccessKey');
    expect(await stored()).toBe(before);
  });

  it('throttles an AccessKey that spends more nonces than its share within the window (Throttling.User)', async () => {
    const busy = await createAccessKey(env, `aliyun-${randomUUID().slice(0, 8)}`);
    const cheap = () => callCas(env.stack.gatewayUrl, { key: busy, params: without('Cert') });
    for (let i = 0; i < NONCES_PER_ACCESS_KEY; i++) expectCasError(await cheap(), 400, 'MissingCert');

    expectCasError(await cheap(), 400, 'Throttling.User');
  });
});

describe('Alibaba CAS errors: refused after the signature, nothing stored', () => {
  const otherKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const misordered = async () => {
    const chain = await createTestChain({ leafKeyType: 'p256', depth: 3 });
    return { Cert: [chain.leaf, chain.root, ...chain.intermediates].map((c) => c.certificatePem).join('\n'), Key: chain.leaf.privateKeyPem };
  };
  const certAndKey = async (make: () => Promise<TestCertificate>) => {
    const cert = await make();
    return { Cert: cert.certificatePem, Key: cert.privateKeyPem };
  };

  it.each([
    ['no Cert', async () => without('Cert'), 'MissingCert'],
    ['no Key', async () => without('Key'), 'MissingKey'],
    ['no Name', async () => without('Name'), 'MissingName'],
    ['a Name of 256 characters', async () => params({ Name: 'n'.repeat(256) }), 'InvalidParameter'],
    ['a SourceIp that is no address', async () => params({ SourceIp: '10.0.0.300' }), 'InvalidParameter'],
    ['garbage as Cert', async () => params({ Cert: 'not a certificate' }), 'ParseCertificateFailed'],
    ['a CSR as Cert', async () => params({ Cert: await createTestCsrPem() }), 'ParseCertificateFailed'],
    ['an RSA-1024 certificate', async () => params(await certAndKey(() => createTestCertificate({ keyType: 'rsa1024' }))), 'ParseCertificateFailed'],
    ['an expired certificate', async () => params(await certAndKey(() => createExpiredCertificate())), 'CertificateExpired'],
    ['a certificate not valid yet', async () => params(await certAndKey(() => createNotYetValidCertificate())), 'CertificateNotYetValid'],
    ['garbage as Key', async () => params({ Key: 'not a key' }), 'ParsePrivateKeyFailed'],
    ['an encrypted Key', async () => params({ Key: encryptPrivateKeyPem(good.privateKeyPem, 'secret') }), 'ParsePrivateKeyFailed'],
    ['the key of another certificate', async () => params({ Key: otherKey() }), 'CertificateKeyNotMatch'],
    ['a chain out of order in Cert', async () => params(await misordered()), 'CertificateChainNotMatch'],
  ] as const)('%s → %s', async (_label, make, code) => {
    expectCasError(await callCas(env.stack.gatewayUrl, { key, params: await make() }), 400, code);
    expect(await stored()).toBe(0);
  });

  it('answers NameRepeat for a name the account already uses', async () => {
    expect((await call({ params: params({ Name: 'taken' }) })).status).toBe(200);

    expectCasError(await call({ params: params({ Name: 'taken' }) }), 400, 'NameRepeat');
    expect(await stored()).toBe(1);
  });

  it('answers IdempotentParameterMismatch for an Idempotency-Key reused with other parameters', async () => {
    const headers = { 'Idempotency-Key': `reuse-${randomUUID()}` };
    expect((await call({ headers, params: params({ Name: 'first' }) })).status).toBe(200);

    expectCasError(await call({ headers, params: params({ Name: 'second' }) }), 400, 'IdempotentParameterMismatch');
    expect(await env.db.collection('certificates').countDocuments({ tenantId, name: 'second' })).toBe(0);
  });
});

describe('Alibaba CAS errors: infrastructure', () => {
  it('answers ServiceUnavailable (503) when credentials cannot be checked', async () => {
    await env.stack.stop('storage');

    expectCasError(await call({ common: { AccessKeyId: 'LTAI99999999999999999999' } }), 503, 'ServiceUnavailable');
  });
});
