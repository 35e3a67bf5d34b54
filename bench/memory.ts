import type { ServiceName } from '@certhub/testing';
import { readFileSync } from 'node:fs';
import { benchArgs } from './support/bench-args';
import { benchCertificates } from './support/bench-certificates';
import { startBenchStack } from './support/bench-stack';
import { runClosedLoop } from './support/closed-loop';
import { postJson } from './support/http-post';
import { formatFigures } from './support/percentiles';

/** Resident set size of a process in MiB, from /proc (Linux). */
function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? Number.NaN) / 1024;
}

/** (d) Memory of each service before and after many imports through the gateway at 64 clients. */
async function main(): Promise<void> {
  const args = benchArgs();
  const certificates = await benchCertificates(args.certificates);
  const bench = await startBenchStack();
  const names: ServiceName[] = ['gateway', 'parser', 'storage'];
  const snapshot = () => Object.fromEntries(names.map((name) => [name, rssMiB(bench.stack.services[name].pid)]));
  try {
    const before = snapshot();
    const url = `${bench.stack.gatewayUrl}/openapi/v1/teams/${bench.tenantId}/certificates`;
    const figures = await runClosedLoop({
      label: `${args.imports} imports`,
      concurrency: 64,
      seconds: Number.POSITIVE_INFINITY,
      total: args.imports,
      operation: async (sequence) => {
        const cert = certificates[sequence % certificates.length];
        const body = { alias: `mem-${sequence}`, certificate: cert?.certificatePem, private_key: cert?.privateKeyPem, certificate_type: 'server' };
        return (await postJson(url, body, { authorization: bench.token })) === 200;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const after = snapshot();
    console.log(formatFigures(figures));
    console.log('\nRSS (MiB)      before    after (10 s after the last import)');
    for (const name of names) console.log(`${name.padEnd(12)} ${before[name]?.toFixed(1).padStart(8)} ${after[name]?.toFixed(1).padStart(8)}`);
  } finally {
    await bench.close();
  }
}

void main();
