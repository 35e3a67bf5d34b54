import { ensureBusFiles, ensureBusTls, renderNatsServerConfig, writeSecret, type BusAuthority, type BusFiles, type NatsServerConfigOptions } from '@certhub/bus-auth';
import { serviceInboxPrefix } from '@certhub/contracts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credsAuthenticator } from 'nats';
import { connectInAttempts } from './nats-connect';
import { freePorts } from './free-port';
import { LOOPBACK_NAMES } from './nats-server';
import { natsProcess, whilePortTaken } from './nats-process';

export interface NatsClusterNode {
  readonly name: string;
  readonly url: string;
  /** Where the other nodes dial this one (TLS, with the route secret). */
  readonly routePort: number;
  /** SIGKILL: the node crashes with nothing flushed; start() brings it back on its port and store. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

export interface NatsClusterHandle {
  /** Every node's client URL, comma-separated, as NATS_URL takes them. */
  readonly url: string;
  /** The CA of every node's certificate (`NATS_CA`): clients connect with TLS only, as to one server. */
  readonly caFile: string;
  readonly nodes: readonly NatsClusterNode[];
  readonly authority: BusAuthority;
  /** The credentials of every service identity; valid on every node. */
  readonly files: BusFiles;
  /** Stops every node and deletes the stores and credentials. */
  dispose(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * A private NATS cluster on loopback, configured the way certhub runs one in production: the same operator-mode
 * authentication and encrypted JetStream on every node, routes authenticated with the bus's route secret,
 * JetStream clustered (streams created with replicas > 1 are replicated across nodes). Returns once the cluster
 * has elected its JetStream meta leader, so a service started next finds JetStream ready.
 */
export async function startNatsCluster(options: { readonly size?: number } = {}): Promise<NatsClusterHandle> {
  // Client and route ports are chosen before any node starts (every node names every route); one taken by
  // another program meanwhile fails that start, and the whole cluster is tried again on new ports.
  return whilePortTaken(() => startClusterOnce(options.size ?? 3));
}

async function startClusterOnce(size: number): Promise<NatsClusterHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'certhub-nats-cluster-'));
  const ports = await freePorts(2 * size);
  const nodes = Array.from({ length: size }, (_, index) => ({ name: `n${index + 1}`, port: ports[2 * index] as number, routePort: ports[2 * index + 1] as number }));
  const routes = nodes.map((node) => `${LOOPBACK}:${node.routePort}`);
  // One certificate serves every node: they all listen on loopback.
  const tls = await ensureBusTls(dir, LOOPBACK_NAMES);
  const configOf = (node: (typeof nodes)[number]): Omit<NatsServerConfigOptions, 'resolverDir'> & { resolverDir: string } => ({
    host: LOOPBACK,
    port: node.port,
    serverName: node.name,
    storeDir: join(dir, node.name, 'jetstream'),
    resolverDir: join(dir, node.name, 'accounts'),
    cluster: { name: 'certhub', host: LOOPBACK, port: node.routePort, routes },
    tls,
  });

  // The first node's files are the bus's (authority and credentials); the others get their own configuration.
  const [first, ...others] = nodes;
  if (!first) throw new Error('a cluster needs at least one node');
  const { files, authority } = ensureBusFiles(dir, configOf(first));
  const configFiles = [files.serverConfigFile];
  for (const node of others) {
    const file = join(dir, `nats-server-${node.name}.conf`);
    writeSecret(file, renderNatsServerConfig(authority, configOf(node)));
    configFiles.push(file);
  }
  const processes = nodes.map((node, index) => natsProcess(configFiles[index] as string, node.port));
  const dispose = async () => {
    await Promise.all(processes.map((server) => server.stop('SIGTERM')));
    rmSync(dir, { recursive: true, force: true });
  };
  const url = nodes.map((node) => `tls://${LOOPBACK}:${node.port}`).join(',');
  try {
    await Promise.all(processes.map((server) => server.start()));
    await waitForJetStream(url, files.credsFile('storage'), tls.caFile);
  } catch (error) {
    // A cluster that did not come up must not outlive the error: its servers would keep the test runner alive.
    await dispose();
    throw error;
  }

  return {
    url,
    caFile: tls.caFile,
    nodes: nodes.map((node, index) => {
      const server = processes[index] as (typeof processes)[number];
      return { name: node.name, url: `tls://${LOOPBACK}:${node.port}`, routePort: node.routePort, kill: () => server.stop('SIGKILL'), start: () => server.start() };
    }),
    authority,
    files,
    dispose,
  };
}

/** A clustered JetStream answers only once its nodes have met and elected a meta leader. */
async function waitForJetStream(url: string, credsFile: string, caFile: string, timeoutMs = 30_000): Promise<void> {
  const nc = await connectInAttempts({
    servers: url.split(','),
    tls: { caFile },
    authenticator: credsAuthenticator(readFileSync(credsFile)),
    inboxPrefix: serviceInboxPrefix('storage'),
  });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await nc
        .jetstreamManager({ timeout: 2_000 })
        .then((jsm) => jsm.getAccountInfo())
        .then(() => true, () => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`the NATS cluster at ${url} has no JetStream after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await nc.close();
  }
}
