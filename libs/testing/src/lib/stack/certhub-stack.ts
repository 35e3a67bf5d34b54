import type { BusFiles } from '@certhub/bus-auth';
import { freePort, type ServiceProcess } from '@certhub/dev-infra';
import { randomBytes } from 'node:crypto';
import { launchService, serviceEnvironment, type ServiceDeployment, type ServiceName } from './service-launcher';

export type { ServiceName } from './service-launcher';

export interface CerthubStackOptions {
  /** The bus: its URL, the CA its TLS certificate chains to and the files holding each service's credentials. */
  readonly nats: { readonly url: string; readonly caFile: string; readonly files: BusFiles };
  readonly mongoUrl: string;
  /** Extra environment per service (e.g. a short CONSUMER_ACK_WAIT_MS for crash tests). */
  readonly env?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Every output line of every service is appended here, for log assertions. */
  readonly logFile?: string;
}

export interface CerthubStack {
  readonly gatewayUrl: string;
  /** The key-encryption keys the parser seals with, as CERTHUB_KEKS. */
  readonly keks: string;
  readonly services: Readonly<Record<ServiceName, ServiceProcess>>;
  /** Where a service answers health and metrics (the gateway on its HTTP port). */
  healthUrl(name: ServiceName): string;
  /** Starts a stopped or killed service again with the same configuration. */
  start(name: ServiceName): Promise<void>;
  /** Changes a service's environment for its next start, as an operator edits a deployment. */
  configure(name: ServiceName, env: Record<string, string>): void;
  stop(name: ServiceName): Promise<void>;
  kill(name: ServiceName): Promise<void>;
  /** Stops every service gracefully. */
  dispose(): Promise<void>;
}

/**
 * The three services as real processes, built bundles from dist/ (the integration target builds them
 * first), against the given NATS and MongoDB-protocol server, on free ports.
 */
export async function startCerthubStack(options: CerthubStackOptions): Promise<CerthubStack> {
  const keks = `test1:${randomBytes(32).toString('base64')}`;
  const ports = { gateway: await freePort(), parser: await freePort(), storage: await freePort() };
  const deployment: ServiceDeployment = { nats: options.nats, mongoUrl: options.mongoUrl, keks };
  const env: Record<ServiceName, Record<string, string>> = {
    gateway: serviceEnvironment('gateway', deployment, ports.gateway),
    parser: serviceEnvironment('parser', deployment, ports.parser),
    storage: serviceEnvironment('storage', deployment, ports.storage),
  };
  const services = {} as Record<ServiceName, ServiceProcess>;

  const start = async (name: ServiceName) => {
    services[name] = launchService(name, { ...env[name], ...options.env?.[name] }, ports[name], options.logFile);
    await services[name].ready();
  };

  try {
    await Promise.all((['storage', 'parser', 'gateway'] as const).map(start));
  } catch (error) {
    // A stack that did not come up must not leave processes behind: they would keep the test runner alive.
    await Promise.all(Object.values(services).map((service) => service.kill()));
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    keks,
    services,
    healthUrl: (name) => `http://127.0.0.1:${ports[name]}`,
    start,
    configure: (name, changes) => void Object.assign(env[name], changes),
    stop: async (name) => void (await services[name].stop()),
    kill: async (name) => void (await services[name].kill()),
    dispose: async () => {
      await Promise.all(Object.values(services).map((service) => service.stop()));
    },
  };
}
