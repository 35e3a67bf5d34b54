import { createTestCertificate } from '@certhub/testing';
import { newRainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

describe('Rainbond: concurrent adds of one alias', () => {
  it('lets exactly one of 100 simultaneous requests win; the others get 412', async () => {
    const team = await newRainbondTeam(env, 'race-team');
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { alias: 'contended', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };

    const answers = await Promise.all(
      Array.from({ length: 100 }, () => team.add(body)),
    );

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(99);
    expect(await env.db.collection('certificates').countDocuments({ tenantId: 'race-team' })).toBe(1);
  });
});
