import { createTestCertificate } from '@certhub/testing';
import { randomBytes } from 'node:crypto';
import { newRainbondTeam, serverCertificateBody } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

const freshKey = () => randomBytes(32).toString('base64');

/** What a second `docker compose up` with a newly generated CERTHUB_KEKS would do to storage. */
describe('storage refuses key-encryption keys that cannot open what it stores', () => {
  it('will not start with a key generated afresh, under the same id or another, and starts again with the right one', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate();
    const body = (alias: string) => serverCertificateBody(cert, alias);
    expect((await team.add(body('sealed-under-test1'))).status).toBe(200);
    const original = env.stack.keks;

    for (const keks of [`test1:${freshKey()}`, `k2:${freshKey()}`]) {
      await env.stack.stop('storage');
      env.stack.configure('storage', { CERTHUB_KEKS: keks });
      await expect(env.stack.start('storage')).rejects.toThrow(/refusing to start: CERTHUB_KEKS cannot open the keys stored in MongoDB/);
    }

    env.stack.configure('storage', { CERTHUB_KEKS: original });
    await env.stack.start('storage');
    expect((await team.add(body('after-the-right-key'))).status).toBe(200);
  });
});
