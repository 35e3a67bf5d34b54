import { freePort, waitForPort } from '@certhub/dev-infra';
import type { TestCertificate } from '@certhub/testing';
import { spawn, spawnSync } from 'node:child_process';
import { benchArgs } from './support/bench-args';
import { runClosedLoop } from './support/closed-loop';
import { postJson } from './support/http-post';
import { formatFigures, type LoadFigures } from './support/percentiles';

export function cfsslAvailable(): boolean {
  return spawnSync('cfssl', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * (c) An outside reference: cfssl's certinfo endpoint parses a PEM certificate over HTTP and answers its
 * details, a subset of certhub's work (no key, no storage), in Go.
 */
export async function measureCfssl(certificates: readonly TestCertificate[], seconds: number): Promise<LoadFigures> {
  const port = await freePort();
  const server = spawn('cfssl', ['serve', '-address', '127.0.0.1', '-port', String(port), '-loglevel', '5'], { stdio: 'ignore' });
  try {
    await waitForPort(port, '127.0.0.1', 15_000);
    const url = `http://127.0.0.1:${port}/api/v1/cfssl/certinfo`;
    const operation = async (sequence: number) => {
      const cert = certificates[sequence % certificates.length] as TestCertificate;
      return (await postJson(url, { certificate: cert.certificatePem })) === 200;
    };
    await runClosedLoop({ label: 'warm-up', concurrency: 64, seconds: 3, operation });
    return await runClosedLoop({ label: '(c) cfssl certinfo', concurrency: 64, seconds, operation });
  } finally {
    server.kill('SIGTERM');
  }
}

if (require.main === module) {
  void (async () => {
    const args = benchArgs();
    if (!cfsslAvailable()) throw new Error('cfssl is not installed (apt-get install golang-cfssl)');
    const { benchCertificates } = await import('./support/bench-certificates');
    console.log(formatFigures(await measureCfssl(await benchCertificates(args.certificates), args.seconds)));
  })();
}
