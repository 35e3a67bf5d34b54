import { createTestCertificate } from '@certhub/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newRainbondTeam, serverCertificateBody } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/**
 * Services at production's quiet levels (LOG_LEVEL=warn or error) still say where they listen: supervisors
 * (this launcher, the bench's, `npm start`'s) find a service by that line, and the bench runs at `warn`.
 * Before the line ignored the level, no service at `warn` was ever found ready.
 */
let env: SuiteEnvironment;
let logDir: string;
let logFile: string;

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'certhub-quiet-'));
  logFile = join(logDir, 'services.log');
  env = await startSuiteEnvironment({ logFile, env: { gateway: { LOG_LEVEL: 'warn' }, parser: { LOG_LEVEL: 'warn' }, storage: { LOG_LEVEL: 'error' } } });
});
afterAll(async () => {
  await env?.close();
  rmSync(logDir, { recursive: true, force: true });
});

describe('services at LOG_LEVEL=warn and error', () => {
  it('start, import, and print only where they listen', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType: 'p256' });
    expect((await team.add(serverCertificateBody(cert, 'quiet'))).status).toBe(200);

    const routine = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => /\bLOG\b|"level":"log"/.test(line));
    expect(routine).toHaveLength(3);
    for (const service of ['api-gateway', 'parser-service', 'storage-service']) {
      expect(routine.some((line) => line.includes(service) && /listening on http:\/\/127\.0\.0\.1:\d+/.test(line))).toBe(true);
    }
  });
});
