import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startBenchStack } from './support/bench-stack';
import { postJson } from './support/http-post';
import { percentile } from './support/percentiles';

/**
 * How long the parser's `/health/live` takes to answer while it parses certificates with thousands of names,
 * several at once: the event loop's latency under the heaviest honest input. Parsing runs on worker threads,
 * so this stays near an idle answer's time.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sans: { type: 'string', default: '4500' },
      parallel: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '5' },
      workers: { type: 'string' },
    },
  });
  const [sans, parallel, rounds] = [Number(values.sans), Number(values.parallel), Number(values.rounds)];
  const certificates = await Promise.all(
    Array.from({ length: parallel }, (_, c) =>
      createTestCertificate({ keyType: 'p256', commonName: `big${c}.example.com`, sans: Array.from({ length: sans }, (_, i) => `h${i}.c${c}`) }),
    ),
  );
  // Huawei APIG: its cert_content takes the 64 KiB a certificate with thousands of short names needs.
  const bench = await startBenchStack({ tenantId: randomBytes(16).toString('hex'), parserEnv: values.workers ? { PARSER_WORKERS: values.workers } : {} });
  const healthUrl = `${bench.stack.healthUrl('parser')}/health/live`;
  const importUrl = `${bench.stack.gatewayUrl}/v2/${bench.tenantId}/apigw/certificates`;
  try {
    const idle = await sampleHealth(healthUrl, () => new Promise((resolve) => setTimeout(resolve, 2_000)));
    const imports: number[] = [];
    let failed = 0;
    let lastFailure = 0;
    const loaded = await sampleHealth(healthUrl, async () => {
      for (let round = 0; round < rounds; round += 1) {
        await Promise.all(
          certificates.map(async (cert: TestCertificate, c) => {
            const startedAt = performance.now();
            const body = { name: `big_${round}_${c}`, cert_content: cert.certificatePem, private_key: cert.privateKeyPem };
            const status = await postJson(importUrl, body, { 'x-auth-token': bench.token });
            if (status === 200) imports.push(performance.now() - startedAt);
            else {
              failed += 1;
              lastFailure = status;
            }
          }),
        );
      }
    });
    console.log(`node ${process.version}; ${parallel} certificates of ${sans} SANs at once, ${rounds} rounds; PARSER_WORKERS=${values.workers ?? 'default'}`);
    console.log(`parser /health/live idle:          ${describe(idle)}`);
    console.log(`parser /health/live while parsing: ${describe(loaded)}`);
    imports.sort((a, b) => a - b);
    console.log(`imports: ${imports.length} ok, ${failed} failed${failed ? ` (last status ${lastFailure})` : ""}; p50 ${percentile(imports, 50).toFixed(0)} ms, max ${(imports.at(-1) ?? Number.NaN).toFixed(0)} ms`);
  } finally {
    await bench.close();
  }
}

/** Health latencies (ms), one request every 10 ms, while `during` runs. */
async function sampleHealth(url: string, during: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      const startedAt = performance.now();
      await fetch(url).then((answer) => answer.arrayBuffer());
      samples.push(performance.now() - startedAt);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  await during();
  running = false;
  await sampler;
  return samples.sort((a, b) => a - b);
}

function describe(sortedMs: number[]): string {
  return `${sortedMs.length} samples, p50 ${percentile(sortedMs, 50).toFixed(1)} ms, p99 ${percentile(sortedMs, 99).toFixed(1)} ms, max ${(sortedMs.at(-1) ?? Number.NaN).toFixed(1)} ms`;
}

void main();
