import { parseArgs } from 'node:util';
import mongoose, { type Connection, type Model } from 'mongoose';
import { IdAllocator } from '../apps/storage-service/src/certificates/id-allocator.service';
import { Counter, CounterSchema } from '../apps/storage-service/src/certificates/schemas/counter.schema';
import { startMongoProcess, stopMongoProcess } from './support/bench-stack';
import { percentile } from './support/percentiles';

/**
 * What the one `counters` document costs: every certificate id is one atomic $inc on it, from every storage
 * instance. Measures ids/s and the latency of one allocation at rising concurrency, spread over several
 * connections as several storage instances would be, and checks that no id was handed out twice.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '1,8,64' },
      instances: { type: 'string', default: '4' },
      url: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const instances = Number(values.instances);
  const mongo = values.url ? undefined : await startMongoProcess();
  const url = values.url ?? `${mongo?.url}/certhub-bench-ids`;
  const connections: Connection[] = [];
  try {
    for (let i = 0; i < instances; i += 1) connections.push(await mongoose.createConnection(url).asPromise());
    const allocators = connections.map((connection) => new IdAllocator(connection.model(Counter.name, CounterSchema) as unknown as Model<Counter>));
    console.log(`id allocation: ${instances} connections ("storage instances"), ${seconds} s per step, ${values.url ? url : 'embedded server in its own process'}`);
    for (const concurrency of values.concurrency.split(',').map(Number)) {
      const seen = new Set<number>();
      const latencies: number[] = [];
      let duplicates = 0;
      const until = performance.now() + seconds * 1_000;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
          const allocator = allocators[worker % allocators.length] as IdAllocator;
          while (performance.now() < until) {
            const started = performance.now();
            const id = await allocator.next('bench');
            latencies.push(performance.now() - started);
            if (seen.has(id)) duplicates += 1;
            seen.add(id);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      console.log(
        `c=${String(concurrency).padStart(3)}  ${(latencies.length / seconds).toFixed(0).padStart(6)} ids/s  ` +
          `p50 ${percentile(latencies, 50).toFixed(2)} ms  p99 ${percentile(latencies, 99).toFixed(2)} ms  duplicates ${duplicates}`,
      );
    }
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
    if (mongo) await stopMongoProcess(mongo);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
