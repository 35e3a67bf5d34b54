import { createExpiredCertificate, createTestCertificate, createTestChain, createTestCsrPem, encryptPrivateKeyPem, listThroughPkcs12 } from '@certhub/testing';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { rainbondCertificatesUrl, send } from './support/http-client';
import { expectRainbondError } from './support/rainbond-assertions';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

const storedFor = (tenantId: string) => env.db.collection('certificates').find({ tenantId }).toArray();

async function bodyFor(keyType: 'rsa2048' | 'p256' | 'ed25519', alias: string) {
  const cert = await createTestCertificate({ keyType });
  return { alias, private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'server' };
}

describe('Rainbond: add certificate (POST /openapi/v1/teams/{team_id}/certificates)', () => {
  it.each(['rsa2048', 'p256', 'ed25519'] as const)('stores a %s certificate and answers the request plus an integer id', async (keyType) => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType, commonName: 'shop.example.com', sans: ['shop.example.com', 'www.shop.example.com'] });
    const body = { alias: 'shop', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: '服务端证书' };

    const answer = await team.add(body);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...body, id: expect.any(Number) });
    const { id } = answer.body as { id: number };
    expect(Number.isInteger(id) && id > 0).toBe(true);
    const [stored, ...others] = await storedFor(team.id);
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({ _id: id, tenantId: team.id, name: 'shop', hostnames: ['shop.example.com', 'www.shop.example.com'] });
    expect(stored?.['metadata'].serialNumberHex).toBe(cert.serialNumberHex);
  });

  it('accepts a certificate, its chain and its key as `openssl pkcs12` lists a .pfx, explanatory lines included (RFC 7468 §2)', async () => {
    const team = await newRainbondTeam(env);
    const chain = await createTestChain({ depth: 1 });
    const listing = listThroughPkcs12(chain.leaf, chain.intermediates);
    expect(listing.certificates).toMatch(/^Bag Attributes\n/);

    const answer = await team.add({ alias: 'from_pfx', private_key: listing.privateKey, certificate: `${listing.certificates}\nvalid until next year\n`, certificate_type: 'server' });

    expect(answer.status).toBe(200);
    const [stored] = await storedFor(team.id);
    expect(stored?.['metadata'].serialNumberHex).toBe(chain.leaf.serialNumberHex);
    expect(stored?.['chainPem']).toHaveLength(1);
  });

  it('keeps the private key sealed: the stored document holds no clear key material', async () => {
    const team = await newRainbondTeam(env);
    const body = await bodyFor('p256', 'sealed');
    await team.add(body);

    const [stored] = await storedFor(team.id);
    const keyBody = body.private_key.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
    const document = JSON.stringify(stored);
    expect(document).not.toContain('PRIVATE KEY');
    expect(document).not.toContain(keyBody.slice(0, 40));
    expect(stored?.['privateKey']).toMatchObject({ algorithm: 'AES-256-GCM', kekId: 'test1' });
  });

  it('answers a retry with the same Idempotency-Key with the stored result instead of a conflict', async () => {
    const team = await newRainbondTeam(env);
    const body = await bodyFor('p256', 'retry');
    const headers = { 'Idempotency-Key': `retry-${randomUUID()}` };

    const first = await team.add(body, headers);
    const second = await team.add(body, headers);

    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(await storedFor(team.id)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different certificate', async () => {
    const team = await newRainbondTeam(env);
    const headers = { 'Idempotency-Key': `reuse-${randomUUID()}` };
    await team.add(await bodyFor('p256', 'a'), headers);

    const reused = await team.add(await bodyFor('p256', 'b'), headers);

    expectRainbondError(reused, 409, 'idempotency key already used');
    expect((await storedFor(team.id)).map((doc) => doc['name'])).toEqual(['a']);
  });

  it('answers 412 when the alias already exists in the team, but lets another team use it', async () => {
    const [teamA, teamB] = [await newRainbondTeam(env), await newRainbondTeam(env)];
    const body = await bodyFor('p256', 'dup');
    expect((await teamA.add(body)).status).toBe(200);

    expectRainbondError(await teamA.add(body), 412, 'certificate name already exists');
    expect((await teamB.add(body)).status).toBe(200);
    expect(await storedFor(teamA.id)).toHaveLength(1);
  });

  describe('credentials', () => {
    let team: RainbondTeam;
    beforeAll(async () => (team = await newRainbondTeam(env)));

    it('answers 401 without an Authorization header', async () => {
      const answer = await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, team.id), await bodyFor('p256', 'anon'));
      expectRainbondError(answer, 401, 'authentication failed');
    });

    it('answers 401 for a token certhub never issued', async () => {
      const answer = await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, team.id), await bodyFor('p256', 'forged'), {
        Authorization: 'cht_not-a-real-token',
      });
      expectRainbondError(answer, 401, 'authentication failed');
    });

    it("answers 403 for another team's token and stores nothing in either team", async () => {
      const intruder = await newRainbondTeam(env);
      const answer = await send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, team.id), await bodyFor('p256', 'intrusion'), {
        Authorization: intruder.token,
      });
      expectRainbondError(answer, 403, 'no permission for this team');
      expect(await storedFor(team.id)).toHaveLength(0);
      expect(await storedFor(intruder.id)).toHaveLength(0);
    });
  });

  describe('bad input is a 400 in Rainbond form and stores nothing', () => {
    const p256 = () => createTestCertificate({ keyType: 'p256' });
    const cases: Array<[string, () => Promise<unknown>, string]> = [
      ['a missing alias', async () => { const c = await p256(); return { private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'alias'],
      ['a numeric alias', async () => { const c = await p256(); return { alias: 42, private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'alias'],
      ['an operator object as alias', async () => { const c = await p256(); return { alias: { $gt: '' }, private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'alias'],
      ['a JSON array body', async () => [], 'invalid parameters'],
      ['a body that is not JSON', async () => 'alias=x&certificate=y', 'invalid parameters'],
      ['garbage as certificate', async () => { const c = await p256(); return { alias: 'x', private_key: c.privateKeyPem, certificate: 'not a certificate', certificate_type: 's' }; }, 'the certificate is invalid'],
      ['a CSR as certificate', async () => { const c = await p256(); return { alias: 'x', private_key: c.privateKeyPem, certificate: await createTestCsrPem(), certificate_type: 's' }; }, 'the certificate is invalid'],
      ['an expired certificate', async () => { const c = await createExpiredCertificate(); return { alias: 'x', private_key: c.privateKeyPem, certificate: c.certificatePem, certificate_type: 's' }; }, 'the certificate has been expired'],
      ['garbage as key', async () => { const c = await p256(); return { alias: 'x', private_key: 'nope', certificate: c.certificatePem, certificate_type: 's' }; }, 'the private key is invalid'],
      ['an encrypted key', async () => { const c = await p256(); return { alias: 'x', private_key: encryptPrivateKeyPem(c.privateKeyPem, 'secret'), certificate: c.certificatePem, certificate_type: 's' }; }, 'the private key is invalid'],
      ['the key of another certificate', async () => { const c = await createTestCertificate({ keyType: 'rsa2048' }); const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(); return { alias: 'x', private_key: other, certificate: c.certificatePem, certificate_type: 's' }; }, 'the certificate key pair mismatch'],
    ];

    let team: RainbondTeam;
    beforeAll(async () => (team = await newRainbondTeam(env)));

    it.each(cases)('%s', async (_label, makeBody, msgFragment) => {
      const body = await makeBody();
      const answer = typeof body === 'string' ? await team.add(body, { 'content-type': 'application/json' }) : await team.add(body);

      expectRainbondError(answer, 400, msgFragment);
      expect(await storedFor(team.id)).toHaveLength(0);
    });
  });
});
