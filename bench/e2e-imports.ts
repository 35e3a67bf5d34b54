import type { TestCertificate } from '@certhub/testing';
import { benchArgs } from './support/bench-args';
import { startBenchStack } from './support/bench-stack';
import { runClosedLoop } from './support/closed-loop';
import { postJson } from './support/http-post';
import { formatFigures, type LoadFigures } from './support/percentiles';
import { cpuSnapshot, formatCpuPerOperation } from './support/process-cpu';

/** One measured phase and where its CPU went. */
export interface EndToEndFigures extends LoadFigures {
  readonly cpu: string;
}

/**
 * (a) End to end: Rainbond add requests through the gateway, over the bus, parsed, sealed and stored, each
 * answered only once stored. Every request imports a distinct alias, so each one is a real insert.
 */
export async function measureEndToEnd(certificates: readonly TestCertificate[], seconds: number): Promise<EndToEndFigures[]> {
  const bench = await startBenchStack();
  const url = `${bench.stack.gatewayUrl}/openapi/v1/teams/${bench.tenantId}/certificates`;
  let run = 0;
  const operation = (prefix: string) => async (sequence: number) => {
    const cert = certificates[sequence % certificates.length] as TestCertificate;
    const body = { alias: `${prefix}-${sequence}`, certificate: cert.certificatePem, private_key: cert.privateKeyPem, certificate_type: 'server' };
    return (await postJson(url, body, { authorization: bench.token })) === 200;
  };
  try {
    const figures: EndToEndFigures[] = [];
    for (const concurrency of [1, 64]) {
      run += 1;
      await runClosedLoop({ label: 'warm-up', concurrency, seconds: 3, operation: operation(`warm${run}`) });
      const before = cpuSnapshot();
      const measured = await runClosedLoop({ label: '(a) gateway end to end', concurrency, seconds, operation: operation(`e2e${run}`) });
      figures.push({ ...measured, cpu: formatCpuPerOperation(before, cpuSnapshot(), measured.completed) });
    }
    return figures;
  } finally {
    await bench.close();
  }
}

if (require.main === module) {
  void (async () => {
    const args = benchArgs();
    const { benchCertificates } = await import('./support/bench-certificates');
    const certificates = await benchCertificates(args.certificates);
    for (const figures of await measureEndToEnd(certificates, args.seconds)) console.log(`${formatFigures(figures)}\n${figures.cpu}`);
  })();
}
