export type AdminCommand =
  | 'create-token'
  | 'create-access-key'
  | 'create-producer'
  | 'revoke-producer'
  | 'create-observer'
  | 'revoke-observers'
  | 'rotate-service-creds'
  | 'rotate-keks'
  | 'init-bus';

const ENVIRONMENT = `environment:
  NATS_URL           the bus (default: the npm start bus, from $CERTHUB_BUS_DIR/nats.url)
  NATS_CREDS         the admin identity's .creds file (default $CERTHUB_BUS_DIR/creds/admin.creds)
  NATS_CA            CA bundle of the server's TLS certificate, if it uses TLS
  CERTHUB_BUS_DIR    the bus directory holding authority.json (default ./.data/bus, as npm start writes it)
  CERTHUB_KEKS       key-encryption keys, for access keys and rotation (default: the npm start dev key)`;

export const COMMAND_HELP: Record<AdminCommand, string> = {
  'create-token': `npm run admin -- create-token --tenant <tenant-id> [--description <text>]
  Issues a bearer token for the tenant (Huawei X-Auth-Token, Rainbond Authorization). Printed once.`,
  'create-access-key': `npm run admin -- create-access-key --tenant <tenant-id> [--cloud alibaba|huawei] [--description <text>]
  Issues an AccessKey pair for the tenant, for Alibaba's SDKs (default) or Huawei's AK/SK signing (--cloud huawei),
  printed once as {"tenant","accessKeyId","accessKeySecret"}; the secret is stored sealed under CERTHUB_KEKS.`,
  'create-producer': `npm run admin -- create-producer --tenant <tenant-id>
  Prints NATS credentials for a message-bus producer of the tenant, with the subjects it may publish to and
  the wildcard of its outcomes: {"tenant","creds","publish":{"create","update"},"outcomes","inboxPrefix"}.
  Save "creds" as a .creds file. Needs the bus authority (CERTHUB_BUS_DIR).`,
  'revoke-producer': `npm run admin -- revoke-producer --tenant <tenant-id>
  Revokes every producer credential issued to the tenant, on the running server at once (live connections
  are closed) and for good. Needs the bus authority and a reachable server.`,
  'create-observer': `npm run admin -- create-observer [--out <file>]
  Prints (or writes to <file>, mode 0600) read-only credentials for every tenant's events and the dead letters.
  Each one is recorded in the bus authority, so that revoke-observers can withdraw it.`,
  'revoke-observers': `npm run admin -- revoke-observers
  Revokes every observer credential create-observer handed out, on the running server at once (live
  connections are closed) and for good. Needs the bus authority and a reachable server.`,
  'rotate-service-creds': `npm run admin -- rotate-service-creds --role <gateway|parser|storage|admin|observer>[,<role>...]
  Issues new credentials for those service identities into $CERTHUB_BUS_DIR/creds/<role>.creds and revokes the
  current ones on the running server at once (their live connections are closed): restart each rotated
  service so it connects with its new file. Needs the bus authority and a reachable server.`,
  'rotate-keks': `npm run admin -- rotate-keks
  Re-wraps every stored data key under CERTHUB_ACTIVE_KEK (see docs/operations.md).`,
  'init-bus': `npm run admin -- init-bus --dir <dir> [--host 0.0.0.0] [--port 4222] [--store-dir <dir>] [--resolver-dir <dir>] [--export-creds <dir>]
                               [--cluster-routes <host:port,...> [--cluster-port 6222]] [--tls-hosts <name,...>]
                               [--rotate-creds <role,...>]
  Creates, once, the bus authority and every service's credentials in <dir>, and writes nats-server.conf
  (operator-mode auth, JetStream encrypted at rest). Safe to run again: it keeps what exists, and issues a
  service's credentials again only when its permissions changed, revoking the old ones.
  --rotate-creds <role,...> issues new credentials for those identities and revokes their current ones.
  --export-creds also copies each identity's credentials to <dir>/<role>/nats.creds (one volume per service).
  --tls-hosts makes the server take TLS connections only, with a certificate for those names (as clients dial
  them) under a CA of the bus's own, <dir>/tls/ca.pem, issued again when they change or near expiry; with
  --export-creds the CA is copied beside each identity's credentials as ca.pem (for NATS_CA).
  --cluster-routes makes the configuration one for every node of a NATS cluster: routes to each listed node,
  authenticated with a secret derived from the authority. Start each node with its own --name (JetStream's
  server name) and store; set NATS_STREAM_REPLICAS=3 on storage (docs/scaling.md).`,
};

export function isAdminCommand(name: string): name is AdminCommand {
  return Object.prototype.hasOwnProperty.call(COMMAND_HELP, name);
}

export const ADMIN_HELP = `certhub admin: credentials, producers and keys.

commands:
${Object.values(COMMAND_HELP)
  .map((help) => `  ${help.split('\n')[0]}`)
  .join('\n')}

Run a command with --help for details.

${ENVIRONMENT}`;
