import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const ROOT = join(__dirname, '../../../..');

/** A real inspection worker running the TypeScript sources, as the built service runs its bundle. */
export function startTypeScriptInspectionWorker(): Worker {
  const source = `
    require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(ROOT, 'bench/tsconfig.json'))} });
    const paths = require('tsconfig-paths');
    const config = paths.loadConfig(${JSON.stringify(join(ROOT, 'tsconfig.base.json'))});
    paths.register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
    require(${JSON.stringify(join(__dirname, 'inspection-worker.ts'))}).serveInspections(require('node:worker_threads').parentPort);
  `;
  return new Worker(source, { eval: true });
}

/** A worker that runs the given handler for each task, to stand for one that hangs or dies. */
export function startScriptedWorker(onMessage: string): Worker {
  return new Worker(`require('node:worker_threads').parentPort.on('message', (task) => { ${onMessage} });`, { eval: true });
}
