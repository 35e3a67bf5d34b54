import { startEmbeddedMongo, type EmbeddedMongo } from '@certhub/embedded-mongo';
import {
  connectAsInspector,
  launchService,
  portVariable,
  serviceEnvironment,
  startNatsCluster,
  type NatsClusterHandle,
  type ServiceDeployment,
  type ServiceName,
  type ServiceProcess,
} from '@certhub/testing';
import { MongoClient, type Db } from 'mongodb';
import type { NatsConnection } from 'nats';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One running copy of a service; it can be killed (SIGKILL) and started again on the same port, the one the
 * kernel gave it at its first start.
 */
export class ServiceInstance {
  private process: ServiceProcess | null = null;
  private address: string | null = null;

  constructor(
    readonly service: ServiceName,
    readonly label: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string | undefined,
  ) {}

  get url(): string {
    if (!this.address) throw new Error(`${this.label} has not started yet`);
    return this.address;
  }

  async start(): Promise<void> {
    this.process = launchService(this.service, this.env, this.logFile, this.label);
    this.address = await this.process.ready();
    this.env[portVariable(this.service)] = new URL(this.address).port;
  }

  async kill(): Promise<void> {
    await this.process?.kill();
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }
}

export interface ClusterDeployment {
  readonly cluster: NatsClusterHandle;
  readonly mongo: EmbeddedMongo;
  readonly db: Db;
  readonly keks: string;
  readonly instances: Readonly<Record<ServiceName, readonly ServiceInstance[]>>;
  /** A test-only identity allowed everything, to ask JetStream which node leads a stream. */
  readonly inspector: NatsConnection;
  close(): Promise<void>;
}

const DATABASE = 'certhub';

/**
 * certhub as it runs scaled out: a 3-node NATS cluster with every stream and bucket on 3 replicas, one
 * MongoDB-protocol server, and `perService` instances of each service, every one a real process connected to
 * all three nodes.
 */
export async function startClusterDeployment(options: { readonly perService?: number; readonly logFile?: string } = {}): Promise<ClusterDeployment> {
  const perService = options.perService ?? 2;
  const cluster = await startNatsCluster({ size: 3 });
  const dataDir = mkdtempSync(join(tmpdir(), 'certhub-mongo-'));
  const mongo = await startEmbeddedMongo({ port: 0, dataDir, fsync: false });
  const deployment: ServiceDeployment = { nats: cluster, mongoUrl: `${mongo.url}/${DATABASE}`, keks: `test1:${randomBytes(32).toString('base64')}` };
  const instancesOf = (service: ServiceName, extra: Record<string, string>) =>
    Array.from({ length: perService }, (_, index) => new ServiceInstance(service, `${service}#${index + 1}`, { ...serviceEnvironment(service, deployment), ...extra }, options.logFile));
  const instances = {
    storage: instancesOf('storage', { NATS_STREAM_REPLICAS: '3' }),
    parser: instancesOf('parser', { PARSER_WORKERS: '1' }),
    gateway: instancesOf('gateway', {}),
  };
  const everything = Object.values(instances).flat();
  const stopAll = async () => {
    await Promise.all(everything.map((instance) => instance.stop()));
    await mongo.stop();
    await cluster.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Storage first: it creates the streams the others consume from.
    await Promise.all(instances.storage.map((instance) => instance.start()));
    await Promise.all([...instances.parser, ...instances.gateway].map((instance) => instance.start()));
  } catch (error) {
    await stopAll();
    throw error;
  }

  const client = await MongoClient.connect(mongo.url);
  const inspector = await connectAsInspector(cluster);
  return {
    cluster,
    mongo,
    db: client.db(DATABASE),
    keks: deployment.keks,
    instances,
    inspector,
    close: async () => {
      await inspector.drain().catch(() => undefined);
      await client.close();
      await stopAll();
    },
  };
}
