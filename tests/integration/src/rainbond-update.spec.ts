import { createTestCertificate } from '@certhub/testing';
import { expectRainbondError } from './support/rainbond-assertions';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

async function add(team: RainbondTeam, alias: string): Promise<number> {
  const cert = await createTestCertificate({ keyType: 'p256', commonName: `${alias}.example.com` });
  const answer = await team.add({ alias, private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'server' });
  expect(answer.status).toBe(200);
  return (answer.body as { id: number }).id;
}

describe('Rainbond: update certificate (PUT /openapi/v1/teams/{team_id}/certificates/{certificate_id})', () => {
  it('replaces the certificate, keeps the id and answers the request plus that id', async () => {
    const team = await newRainbondTeam(env);
    const id = await add(team, 'api');
    const next = await createTestCertificate({ keyType: 'ed25519', commonName: 'api-v2.example.com' });
    const body = { alias: 'api-renamed', private_key: next.privateKeyPem, certificate: next.certificatePem, certificate_type: 'server' };

    const answer = await team.update(id, body);

    expect(answer).toMatchObject({ status: 200, body: { ...body, id } });
    const stored = await env.db.collection('certificates').findOne({ _id: id } as never);
    expect(stored).toMatchObject({ name: 'api-renamed', revision: 2, hostnames: ['api-v2.example.com'] });
    expect(stored?.['metadata'].serialNumberHex).toBe(next.serialNumberHex);
  });

  it('answers 404 for an id that does not exist', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { alias: 'x', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };

    expectRainbondError(await team.update(987654, body), 404, 'certificate not found');
    expectRainbondError(await team.update('abc', body), 404, 'certificate not found');
  });

  it("answers 404 for another team's certificate and leaves it untouched", async () => {
    const [owner, intruder] = [await newRainbondTeam(env), await newRainbondTeam(env)];
    const id = await add(owner, 'private');
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { alias: 'hijacked', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };

    // Its own team path with the owner's certificate id: the id names nothing in the intruder's team.
    expectRainbondError(await intruder.update(id, body), 404, 'certificate not found');
    expect(await env.db.collection('certificates').findOne({ _id: id } as never)).toMatchObject({ tenantId: owner.id, name: 'private', revision: 1 });
  });

  it('answers 412 when renaming onto an alias the team already uses', async () => {
    const team = await newRainbondTeam(env);
    await add(team, 'first');
    const second = await add(team, 'second');
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { alias: 'first', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };

    expectRainbondError(await team.update(second, body), 412, 'certificate name already exists');
    expect(await env.db.collection('certificates').findOne({ _id: second } as never)).toMatchObject({ name: 'second', revision: 1 });
  });

  it('answers 400 for a body with a wrong-typed field', async () => {
    const team = await newRainbondTeam(env);
    const id = await add(team, 'typed');
    const answer = await team.update(id, { alias: 'typed', private_key: 1, certificate: [], certificate_type: 's' });
    expectRainbondError(answer, 400, 'private_key');
  });
});
