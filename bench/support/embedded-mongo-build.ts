import { workspaceRoot } from '@certhub/dev-infra';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The compiled CLI, once per bench process: `npm run bench` starts the server for the floor and again end to end. */
let built: string | undefined;

/**
 * Compiles the embedded MongoDB-protocol server to plain JavaScript and returns its CLI entry. Production runs
 * it compiled (inside the dev-stack bundle); run through ts-node instead, its process would also hold the
 * TypeScript compiler, about 110 MiB of RSS that the server itself never uses, and bench:memory reports it.
 */
export function buildEmbeddedMongoCli(): string {
  built ??= compileEmbeddedMongoCli();
  return built;
}

function compileEmbeddedMongoCli(): string {
  const outDir = join(workspaceRoot(), 'dist/bench/embedded-mongo');
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', join(workspaceRoot(), 'libs/embedded-mongo/tsconfig.lib.json'), '--outDir', outDir, '--declaration', 'false', '--sourceMap', 'false'],
    { stdio: 'inherit' },
  );
  // tsc mirrors the sources' place under the workspace root (the common root of what the config includes).
  return join(outDir, 'libs/embedded-mongo/src/cli.js');
}
