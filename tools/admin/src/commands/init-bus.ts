import { ensureBusFiles, ensureBusTls, SERVICE_ROLES, writeSecret } from '@certhub/bus-auth';
import type { ServiceRole } from '@certhub/contracts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface InitBusOptions {
  readonly dir: string;
  /** The address nats-server listens on, as written into its configuration. */
  readonly host: string;
  readonly port: number;
  /** JetStream's store directory as the server sees it (in compose: inside the nats container). */
  readonly storeDir?: string;
  readonly resolverDir?: string;
  /**
   * Also copies each service's credentials to `<dir>/<role>/nats.creds`, so a deployment can hand every
   * service its own file (one volume each) without giving it the authority next to it.
   */
  readonly exportCredsDir?: string;
  /** Every node's route address (`host:port`) when the server is one node of a cluster, and its own route port. */
  readonly cluster?: { readonly routes: readonly string[]; readonly port: number };
  /**
   * The names clients dial the server by (in compose: `nats`, or every node's): the server then takes TLS
   * connections only, with a certificate for those names under a CA of the bus's own (`<dir>/tls/ca.pem`, also
   * exported next to each identity's credentials as `ca.pem`, for NATS_CA).
   */
  readonly tlsHosts?: readonly string[];
  /** Service identities to issue new credentials for, revoking their current ones (the others are kept while current). */
  readonly rotateCreds?: readonly ServiceRole[];
}

/**
 * Writes (once) the bus authority, each service's credentials (again only when their permissions changed or
 * `rotateCreds` names them) and (each time) the nats-server configuration: compose runs this as its init step,
 * before nats and the services start.
 */
export async function initBus(options: InitBusOptions): Promise<Record<string, unknown>> {
  const dir = resolve(options.dir);
  const tls = options.tlsHosts && options.tlsHosts.length > 0 ? await ensureBusTls(dir, options.tlsHosts) : undefined;
  const { files, rotated } = ensureBusFiles(dir, {
    ...(tls ? { tls } : {}),
    host: options.host,
    port: options.port,
    storeDir: options.storeDir ?? join(dir, 'jetstream'),
    ...(options.resolverDir ? { resolverDir: options.resolverDir } : {}),
    // The node's name is left to each server's --name: one file serves every node.
    ...(options.cluster ? { cluster: { name: 'certhub', host: options.host, port: options.cluster.port, routes: options.cluster.routes } } : {}),
  }, options.rotateCreds);
  const exportDir = options.exportCredsDir === undefined ? undefined : resolve(options.exportCredsDir);
  const exportFile = (exportTo: string, role: string, name: string, source: string) => {
    const target = join(exportTo, role, name);
    writeSecret(target, readFileSync(source, 'utf8'));
    return target;
  };
  const exported = exportDir
    ? SERVICE_ROLES.flatMap((role) => [
        exportFile(exportDir, role, 'nats.creds', files.credsFile(role)),
        ...(tls ? [exportFile(exportDir, role, 'ca.pem', tls.caFile)] : []),
      ])
    : [];
  return {
    dir,
    ...(tls ? { tls: { ca: tls.caFile, hosts: options.tlsHosts } } : {}),
    exported,
    issued: rotated,
    serverConfig: files.serverConfigFile,
    authority: files.authorityFile,
    creds: Object.fromEntries(SERVICE_ROLES.map((role) => [role, files.credsFile(role)])),
  };
}
