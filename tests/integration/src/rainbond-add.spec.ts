import { createExpiredCertificate, createTestCertificate, createTestCsrPem, encryptPrivateKeyPem } from '@certhub/testing';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { rainbondCertificatesUrl, send } from './support/http-client';
import { expectRainbondError } from './support/rainbond-assertions';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

const team = () => `team-${randomUUID().slice(0, 8)}`;
const storedFor = (tenantId: string) => env.db.collection('certificates').find({ tenantId }).toArray();

describe('Rainbond: add certificate (POST /openapi/v1/teams/{team_id}/certificates)', () => {
  it.each(['rsa2048', 'p256', 'ed25519'] as const)('stores a %s certificate and answers the request plus an integer id', async (keyType) => {
    const teamId = team();
    const cert = await createTestCertificate({ keyType, commonName: 'shop.example.com', sans: ['shop.example.com', 'www.shop.example.com'] });
    const body = { alias: 'shop', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: '服务端证书' };

    const answer = await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamId), body);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...body, id: expect.any(Number) });
    const { id } = answer.body as { id: number };
    expect(Number.isInteger(id) && id > 0).toBe(true);
    const [stored, ...others] = await storedFor(teamId);
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({ _id: id, tenantId: teamId, name: 'shop', hostnames: ['shop.example.com', 'www.shop.example.com'] });
    expect(stored['metadata'].serialNumberHex).toBe(cert.serialNumberHex);
  });

  it('keeps the private key sealed: the stored document holds no clear key material', async () => {
    const teamId = team();
    const cert = await createTestCertificate({ keyType: 'p256' });
    await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamId), {
      alias: 'sealed', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'server',
    });

    const [stored] = await storedFor(teamId);
    const keyBody = cert.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
    const document = JSON.stringify(stored);
    expect(document).not.toContain('PRIVATE KEY');
    expect(document).not.toContain(keyBody.slice(0, 40));
    expect(stored?.['privateKey']).toMatchObject({ algorithm: expect.any(String), kekId: 'test1' });
  });

  it('answers a retry with the same Idempotency-Key with the stored result instead of a conflict', async () => {
    const teamId = team();
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { alias: 'retry', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'server' };
    const headers = { 'Idempotency-Key': `retry-${randomUUID()}` };

    const first = await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamId), body, headers);
    const second = await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamId), body, headers);

    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(await storedFor(teamId)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different certificate', async () => {
    const teamId = team();
    const headers = { 'Idempotency-Key': `reuse-${randomUUID()}` };
    const a = await createTestCertificate({ keyType: 'p256' });
    const b = await createTestCertificate({ keyType: 'p256' });
    const url = rainbondCertificatesUrl(env.stack.gatewayUrl, teamId);
    await send('POST', url, { alias: 'a', private_key: a.privateKeyPem, certificate: a.certificatePem, certificate_type: 's' }, headers);

    const reused = await send('POST', url, { alias: 'b', private_key: b.privateKeyPem, certificate: b.certificatePem, certificate_type: 's' }, headers);

    expectRainbondError(reused, 409, 'idempotency key already used');
    expect((await storedFor(teamId)).map((doc) => doc['name'])).toEqual(['a']);
  });

  it('answers 412 when the alias already exists in the team, but lets another team use it', async () => {
    const [teamA, teamB] = [team(), team()];
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { alias: 'dup', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };
    expect((await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamA), body)).status).toBe(200);

    expectRainbondError(await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamA), body), 412, 'certificate name already exists');
    expect((await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamB), body)).status).toBe(200);
    expect(await storedFor(teamA)).toHaveLength(1);
  });

  describe('bad input is a 400 in Rainbond form and stores nothing', () => {
    const cases: Array<[string, () => Promise<unknown>, string]> = [
      ['a missing alias', async () => { const c = await createTestCertificate({ keyType: 'p256' }); return { private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'alias'],
      ['a numeric alias', async () => { const c = await createTestCertificate({ keyType: 'p256' }); return { alias: 42, private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'alias'],
      ['an operator object as alias', async () => { const c = await createTestCertificate({ keyType: 'p256' }); return { alias: { $gt: '' }, private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'alias'],
      ['a JSON array body', async () => [], 'invalid parameters'],
      ['a body that is not JSON', async () => 'alias=x&certificate=y', 'invalid parameters'],
      ['garbage as certificate', async () => { const c = await createTestCertificate({ keyType: 'p256' }); return { alias: 'x', private_key: c.privateKeyPem, certificate: 'not a certificate', certificate_type: 's' }; }, 'the certificate is invalid'],
      ['a CSR as certificate', async () => { const c = await createTestCertificate({ keyType: 'p256' }); return { alias: 'x', private_key: c.privateKeyPem, certificate: await createTestCsrPem(), certificate_type: 's' }; }, 'the certificate is invalid'],
      ['an expired certificate', async () => { const c = await createExpiredCertificate(); return { alias: 'x', private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'the certificate has been expired'],
      ['garbage as key', async () => { const c = await createTestCertificate({ keyType: 'p256' }); return { alias: 'x', private_key: 'nope', certificate: c.certificatePem, certificate_type: 's' }; }, 'the private key is invalid'],
      ['an encrypted key', async () => { const c = await createTestCertificate({ keyType: 'p256' }); return { alias: 'x', private_key: encryptPrivateKeyPem(c.privateKeyPem, 'secret'), certificate: c.certificatePem, certificate_type: 's' }; }, 'the private key is invalid'],
      ['the key of another certificate', async () => { const c = await createTestCertificate({ keyType: 'rsa2048' }); const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(); return { alias: 'x', private_key: other, certificate: c.certificatePem, certificate_type: 's' }; }, 'the certificate key pair mismatch'],
    ];

    it.each(cases)('%s', async (_label, makeBody, msgFragment) => {
      const teamId = team();
      const body = await makeBody();
      const answer = typeof body === 'string'
        ? await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamId), body, { 'content-type': 'application/json' })
        : await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, teamId), body);

      expectRainbondError(answer, 400, msgFragment);
      expect(await storedFor(teamId)).toHaveLength(0);
    });
  });
});
