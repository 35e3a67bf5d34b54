import { devKeks, spawnServiceProcess, workspaceRoot, type ServiceProcess } from '@certhub/dev-infra';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureMongo } from './local-mongo';
import { ensureNats } from './local-nats';

const log = (line: string) => console.log(`[dev-stack] ${line}`);

/** `npm start`: NATS, the embedded MongoDB-protocol server and the three services, on embedded defaults. */
async function main(): Promise<void> {
  const root = workspaceRoot();
  const dataDir = process.env['CERTHUB_DATA_DIR'] ?? join(root, '.data');
  mkdirSync(dataDir, { recursive: true });
  const httpPort = process.env['HTTP_PORT'] ?? '3000';
  const nats = await ensureNats(dataDir, log);
  const mongo = await ensureMongo(dataDir, log);
  const keks = devKeks(dataDir);
  // Someone is reading these at a terminal: short lines, unless LOG_FORMAT=json asks for what production prints.
  const common = { NATS_URL: nats.url, ...(nats.caFile ? { NATS_CA: nats.caFile } : {}), LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info', LOG_FORMAT: process.env['LOG_FORMAT'] ?? 'text' };
  const creds = (role: 'gateway' | 'parser' | 'storage') => ({ NATS_CREDS: nats.files.credsFile(role) });
  const specs = [
    { name: 'storage', app: 'storage-service', env: { ...common, ...creds('storage'), CERTHUB_KEKS: keks, MONGO_URL: mongo.url, HEALTH_PORT: '3102' } },
    { name: 'parser', app: 'parser-service', env: { ...common, ...creds('parser'), CERTHUB_KEKS: keks, HEALTH_PORT: '3101' } },
    { name: 'gateway', app: 'api-gateway', env: { ...common, ...creds('gateway'), CERTHUB_KEKS: keks, HTTP_PORT: httpPort, HTTP_HOST: '127.0.0.1' } },
  ];
  const services: ServiceProcess[] = specs.map((spec) =>
    spawnServiceProcess({
      name: spec.name,
      script: join(root, 'dist/apps', spec.app, 'main.js'),
      env: spec.env,
      readyPath: '/health/ready',
      onLine: (line) => console.log(`[${spec.name}] ${line}`),
    }),
  );

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const service of [...services].reverse()) await service.stop();
    await mongo.stop();
    await nats.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  for (const service of services) {
    void service.exited.then((code) => {
      if (!stopping) {
        log(`${service.name} exited with ${code}; stopping the stack`);
        void shutdown(1);
      }
    });
  }

  await Promise.all(services.map((service) => service.ready()));
  log(`certhub is up. Send requests to http://127.0.0.1:${httpPort}, for example:`);
  log(`  npm run admin -- create-token --tenant my-team      # prints a token; then:`);
  log(`  curl -X POST http://127.0.0.1:${httpPort}/openapi/v1/teams/my-team/certificates -H "Authorization: <token>" \\`);
  log(`       -H 'Content-Type: application/json' -d '{"alias":"www","certificate":"<PEM>","private_key":"<PEM>","certificate_type":"server"}'`);
  log(`  API description: http://127.0.0.1:${httpPort}/openapi.json`);
  log(`The bus is ${nats.url} (${nats.caFile ? `TLS under the CA in ${nats.caFile}, ` : ''}authenticated; no anonymous client gets in). Message-bus producers:`);
  log(`  npm run admin -- create-producer --tenant my-team  # prints .creds text, the CA to trust and the subjects to publish to (docs/events.md)`);
  log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(`[dev-stack] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
