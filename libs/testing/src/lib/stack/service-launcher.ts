import type { BusFiles } from '@certhub/bus-auth';
import { spawnServiceProcess, workspaceRoot, type ServiceProcess } from '@certhub/dev-infra';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export type ServiceName = 'gateway' | 'parser' | 'storage';

/** What every instance of every service shares: the bus, the database and the key-encryption keys. */
export interface ServiceDeployment {
  /** The bus: its URL (one server, or a cluster's nodes separated by commas), its CA and each identity's credentials. */
  readonly nats: { readonly url: string; readonly caFile: string; readonly files: BusFiles };
  readonly mongoUrl: string;
  /** CERTHUB_KEKS of the parser, the gateway and storage. */
  readonly keks: string;
}

const APP: Record<ServiceName, string> = {
  gateway: 'api-gateway',
  parser: 'parser-service',
  storage: 'storage-service',
};

/**
 * One instance's environment; `port` is its HTTP port (the gateway) or its health port (parser, storage).
 * 0, the default, lets the kernel choose a free one: the launcher learns it from the process (`ServiceProcess.url`).
 */
export function serviceEnvironment(name: ServiceName, deployment: ServiceDeployment, port = 0): Record<string, string> {
  const common = {
    NATS_URL: deployment.nats.url,
    NATS_CA: deployment.nats.caFile,
    NATS_CREDS: deployment.nats.files.credsFile(name),
    CERTHUB_KEKS: deployment.keks,
    LOG_LEVEL: 'info',
    CONSUMER_ACK_WAIT_MS: '5000',
  };
  switch (name) {
    case 'gateway':
      return { ...common, [portVariable(name)]: String(port), HTTP_HOST: '127.0.0.1', OUTCOME_TIMEOUT_MS: '15000' };
    case 'parser':
      return { ...common, [portVariable(name)]: String(port) };
    case 'storage':
      return { ...common, MONGO_URL: deployment.mongoUrl, [portVariable(name)]: String(port) };
  }
}

/** The variable holding the port a service listens on. */
export function portVariable(name: ServiceName): 'HTTP_PORT' | 'HEALTH_PORT' {
  return name === 'gateway' ? 'HTTP_PORT' : 'HEALTH_PORT';
}

/**
 * Starts one instance of a service from its built bundle in dist/ (the integration target builds them first);
 * `ready()` waits until it reports ready and resolves with its address. Every output line is appended to
 * `logFile` when given, prefixed with `label` (e.g. `parser#2`).
 */
export function launchService(name: ServiceName, env: Record<string, string>, logFile?: string, label: string = name): ServiceProcess {
  const script = join(workspaceRoot(), 'dist/apps', APP[name], 'main.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: build the apps first (nx run-many -t build)`);
  return spawnServiceProcess({
    name: label,
    script,
    env,
    readyPath: '/health/ready',
    onLine: logFile ? (line) => appendFileSync(logFile, `[${label}] ${line}\n`) : undefined,
    // A service that dies on its own fails tests far from the cause; its last words make the failure readable.
    onUnexpectedExit: (code, lines) => process.stderr.write(`[${label}] exited by itself with code ${String(code)}; its last lines:\n${lines.slice(-30).join('\n')}\n`),
  });
}
