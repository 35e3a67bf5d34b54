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

/** One instance's environment; `port` is its HTTP port (the gateway) or its health port (parser, storage). */
export function serviceEnvironment(name: ServiceName, deployment: ServiceDeployment, port: number): Record<string, string> {
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
      return { ...common, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', OUTCOME_TIMEOUT_MS: '15000' };
    case 'parser':
      return { ...common, HEALTH_PORT: String(port) };
    case 'storage':
      return { ...common, MONGO_URL: deployment.mongoUrl, HEALTH_PORT: String(port) };
  }
}

/**
 * Starts one instance of a service from its built bundle in dist/ (the integration target builds them first);
 * `ready()` waits until it reports ready. Every output line is appended to `logFile` when given, prefixed
 * with `label` (e.g. `parser#2`).
 */
export function launchService(name: ServiceName, env: Record<string, string>, port: number, logFile?: string, label: string = name): ServiceProcess {
  const script = join(workspaceRoot(), 'dist/apps', APP[name], 'main.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: build the apps first (nx run-many -t build)`);
  return spawnServiceProcess({
    name: label,
    script,
    env,
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
    onLine: logFile ? (line) => appendFileSync(logFile, `[${label}] ${line}\n`) : undefined,
  });
}
