import type { BusFiles } from '@certhub/bus-auth';
import type { ServiceProcess } from '@certhub/dev-infra';
import { randomBytes } from 'node:crypto';
import { launchService, portVariable, serviceEnvironment, type ServiceDeployment, type ServiceName } from './service-launcher';

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
 * first), against the given NATS and MongoDB-protocol server, on ports the kernel chose when they bound them.
 */
export async function startCerthubStack(options: CerthubStackOptions): Promise<CerthubStack> {
  const keks = `test1:${randomBytes(32).toString('base64')}`;
  const deployment: ServiceDeployment = { nats: options.nats, mongoUrl: options.mongoUrl, keks };
  const env: Record<ServiceName, Record<string, string>> = {
    gateway: serviceEnvironment('gateway', deployment),
    parser: serviceEnvironment('parser', deployment),
    storage: serviceEnvironment('storage', deployment),
  };
  const services = {} as Record<ServiceName, ServiceProcess>;
  const urls = {} as Record<ServiceName, string>;

  const start = async (name: ServiceName) => {
    services[name] = launchService(name, { ...env[name], ...options.env?.[name] }, options.logFile);
    urls[name] = await services[name].ready();
    // A restart binds the port the first start got: tests hold on to the gateway's URL.
    env[name][portVariable(name)] = new URL(urls[name]).port;
  };

  try {
    await Promise.all((['storage', 'parser', 'gateway'] as const).map(start));
  } catch (error) {
    // A stack that did not come up must not leave processes behind: they would keep the test runner alive.
    await Promise.all(Object.values(services).map((service) => service.kill()));
    throw error;
  }
  return {
    gatewayUrl: urls.gateway,
    keks,
    services,
    healthUrl: (name) => urls[name],
    start,
    configure: (name, changes) => void Object.assign(env[name], changes),
    stop: async (name) => void (await services[name].stop()),
    kill: async (name) => void (await services[name].kill()),
    dispose: async () => {
      await Promise.all(Object.values(services).map((service) => service.stop()));
    },
  };
}
