import { parseArgs } from 'node:util';
import { startEmbeddedMongo } from './lib/embedded-mongo';

/**
 * `node cli.js [--port 27017] [--host 127.0.0.1] [--data-dir ./data] [--no-fsync] [--verbose]`: runs the
 * embedded MongoDB until SIGINT/SIGTERM, then stops cleanly (journal flushed and compacted).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '27017' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'no-fsync': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const server = await startEmbeddedMongo({
    host: values.host,
    port,
    dataDir: values['data-dir'],
    fsync: !values['no-fsync'],
    log: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  process.stdout.write(`embedded-mongo listening on ${server.url}\n`);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`embedded-mongo: stop after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
