import { createHmac } from 'node:crypto';
import type { BusAuthority } from './bus-authority';
import type { BusTlsFiles } from './bus-tls';

/** One node's part in a NATS cluster: where it listens for routes and where the other nodes are. */
export interface NatsClusterOptions {
  /** The cluster's name; every node of one cluster has the same. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** `host:port` of every node's route listener; a node's own entry is ignored by nats-server. */
  readonly routes: readonly string[];
}

const ROUTE_USER = 'certhub-route';

/**
 * The secret every node presents on its routes, derived from the authority so that every node's generated
 * configuration agrees without another secret to distribute: a process that is not a node of this bus cannot
 * join the cluster and read its traffic.
 */
export function routePassword(authority: BusAuthority): string {
  return createHmac('sha256', authority.jetstreamKey).update('certhub nats cluster routes').digest('base64url');
}

/**
 * The `cluster {}` block of one node's configuration. With `tls`, routes are TLS both ways: each node checks
 * that the other's certificate chains to the bus's CA and names the host it dialled, so command messages,
 * which carry clear private keys, cross between hosts encrypted, and no other process can pose as a node.
 */
export function renderClusterBlock(authority: BusAuthority, cluster: NatsClusterOptions, tls?: Pick<BusTlsFiles, 'certFile' | 'keyFile' | 'caFile'>): string[] {
  const password = routePassword(authority);
  const routes = cluster.routes.map((route) => `nats-route://${ROUTE_USER}:${password}@${route}`);
  return [
    `cluster: {`,
    `  name: ${JSON.stringify(cluster.name)}`,
    `  host: ${JSON.stringify(cluster.host)}`,
    `  port: ${cluster.port}`,
    `  authorization: { user: ${JSON.stringify(ROUTE_USER)}, password: ${JSON.stringify(password)} }`,
    ...(tls
      ? [
          `  tls: {`,
          `    cert_file: ${JSON.stringify(tls.certFile)}`,
          `    key_file: ${JSON.stringify(tls.keyFile)}`,
          `    ca_file: ${JSON.stringify(tls.caFile)}`,
          `    timeout: 5`,
          `  }`,
        ]
      : []),
    `  routes: [`,
    ...routes.map((route) => `    ${JSON.stringify(route)}`),
    `  ]`,
    `}`,
  ];
}
