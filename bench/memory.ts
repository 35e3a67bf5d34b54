import { benchArgs } from './support/bench-args';
import { benchCertificates } from './support/bench-certificates';
import { startBenchStack } from './support/bench-stack';
import { runClosedLoop } from './support/closed-loop';
import { postJson } from './support/http-post';
import { formatCheckpoints, formatGrowth, type Checkpoint } from './support/memory-report';
import { formatFigures } from './support/percentiles';
import { sampleMemory, type WatchedProcess } from './support/process-memory';

/**
 * Fractions of the imports after which memory is sampled while the load runs. The first is the warm-up
 * checkpoint: growth before it is mostly one-time (JIT code, connection pools, worker threads, V8 sizing its
 * heap to the load); growth after it, compared with the number of imports, is what scales with imports.
 */
const CHECKPOINTS = [0.1, 0.5] as const;

/** (d) Memory of each service and of the embedded MongoDB-protocol server over many imports at 64 clients. */
async function main(): Promise<void> {
  const args = benchArgs();
  const certificates = await benchCertificates(args.certificates);
  const bench = await startBenchStack();
  const processes: WatchedProcess[] = [
    ...(['gateway', 'parser', 'storage'] as const).map((name) => ({
      name,
      pid: bench.stack.services[name].pid,
      metricsUrl: `${bench.stack.healthUrl(name)}/metrics`,
    })),
    // The embedded server has no /metrics: RSS only.
    { name: 'mongo', pid: bench.mongoPid },
  ];
  const sampleAll = async (label: string, imports: number): Promise<Checkpoint> => ({
    label,
    imports,
    samples: await Promise.all(processes.map(sampleMemory)),
  });
  try {
    const checkpoints: Promise<Checkpoint>[] = [sampleAll('start (before any import)', 0)];
    const due = CHECKPOINTS.map((fraction) => Math.round(args.imports * fraction));
    let finished = 0;
    const url = `${bench.stack.gatewayUrl}/openapi/v1/teams/${bench.tenantId}/certificates`;
    const figures = await runClosedLoop({
      label: `${args.imports} imports`,
      concurrency: 64,
      seconds: Number.POSITIVE_INFINITY,
      total: args.imports,
      operation: async (sequence) => {
        const cert = certificates[sequence % certificates.length];
        const body = { alias: `mem-${sequence}`, certificate: cert?.certificatePem, private_key: cert?.privateKeyPem, certificate_type: 'server' };
        const ok = (await postJson(url, body, { authorization: bench.token })) === 200;
        finished += 1;
        // Sampled while the other 63 clients keep going: the figure is of a process under load.
        if (due.includes(finished)) checkpoints.push(sampleAll(`after ${finished} imports (under load)`, finished));
        return ok;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    checkpoints.push(sampleAll('end (10 s after the last import)', args.imports));
    const all = await Promise.all(checkpoints);
    const first = all[0] as Checkpoint;
    const last = all[all.length - 1] as Checkpoint;
    console.log(formatFigures(figures));
    console.log('\nRSS (MiB)      before    after (10 s after the last import)');
    processes.forEach((process, i) => {
      console.log(`${process.name.padEnd(12)} ${first.samples[i]?.rss.toFixed(1).padStart(8)} ${last.samples[i]?.rss.toFixed(1).padStart(8)}`);
    });
    console.log(`\n${formatCheckpoints(processes, all)}`);
    console.log(`\n${formatGrowth(processes, all)}`);
  } finally {
    await bench.close();
  }
}

void main();
