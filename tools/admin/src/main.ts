import { parseArgs } from 'node:util';
import { SERVICE_ROLES } from '@certhub/bus-auth';
import type { ServiceRole } from '@certhub/contracts';
import { withAdminBus } from './admin-bus';
import { adminKeyring } from './admin-environment';
import { ADMIN_HELP, COMMAND_HELP, isAdminCommand, type AdminCommand } from './admin-help';
import { CLOUDS, createAccessKey, createToken, type Cloud } from './commands/credentials';
import { initBus } from './commands/init-bus';
import { createObserver, createProducer, revokeObservers, revokeProducers } from './commands/producers';
import { rotateServiceCreds } from './commands/service-creds';
import { rotateKeks } from './rotate-keks';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      description: { type: 'string', default: '' },
      cloud: { type: 'string', default: 'alibaba' },
      dir: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      port: { type: 'string', default: '4222' },
      'store-dir': { type: 'string' },
      'resolver-dir': { type: 'string' },
      out: { type: 'string' },
      'export-creds': { type: 'string' },
      'cluster-routes': { type: 'string' },
      'cluster-port': { type: 'string', default: '6222' },
      'tls-hosts': { type: 'string' },
      role: { type: 'string' },
      'rotate-creds': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const named = positionals[0];
  if (named === undefined || named === 'help') return void console.log(ADMIN_HELP);
  if (!isAdminCommand(named)) throw new UsageError(`unknown command "${named}"\n\n${ADMIN_HELP}`);
  const command = named;
  if (values.help) return void console.log(COMMAND_HELP[command]);
  const tenant = () => values.tenant ?? fail(command, '--tenant is required');

  switch (command) {
    case 'create-token':
      return printSecret(await createToken(tenant(), values.description ?? ''));
    case 'create-access-key':
      return printSecret(await createAccessKey(tenant(), values.description ?? '', cloudOf(values.cloud)));
    case 'create-producer':
      return printSecret(createProducer(tenant()));
    case 'revoke-producer':
      return print(await revokeProducers(tenant()));
    case 'create-observer':
      return printSecret(createObserver(values.out));
    case 'revoke-observers':
      return print(await revokeObservers());
    case 'rotate-service-creds':
      return print(await rotateServiceCreds(rolesOf(command, values.role ?? fail(command, '--role is required'))));
    case 'rotate-keks': {
      const counts = await withAdminBus((rpc) => rotateKeks(rpc, adminKeyring()));
      for (const count of counts) console.log(JSON.stringify(count));
      return;
    }
    case 'init-bus':
      return print(
        await initBus({
          dir: values.dir ?? fail(command, '--dir is required'),
          host: values.host ?? '0.0.0.0',
          port: Number(values.port),
          ...(values['store-dir'] ? { storeDir: values['store-dir'] } : {}),
          ...(values['resolver-dir'] ? { resolverDir: values['resolver-dir'] } : {}),
          ...(values['export-creds'] ? { exportCredsDir: values['export-creds'] } : {}),
          ...(values['cluster-routes'] ? { cluster: { routes: values['cluster-routes'].split(','), port: Number(values['cluster-port']) } } : {}),
          ...(values['rotate-creds'] ? { rotateCreds: rolesOf(command, values['rotate-creds']) } : {}),
          ...(values['tls-hosts'] ? { tlsHosts: values['tls-hosts'].split(',').map((host) => host.trim()).filter((host) => host.length > 0) } : {}),
        }),
      );
  }
}

class UsageError extends Error {}

function cloudOf(value: string | undefined): Cloud {
  const cloud = CLOUDS.find((known) => known === value);
  if (!cloud) fail('create-access-key', `--cloud must be one of ${CLOUDS.join(', ')}`);
  return cloud;
}

/** A comma-separated list of service identities, each one certhub knows. */
function rolesOf(command: AdminCommand, list: string): ServiceRole[] {
  const roles = list.split(',').map((role) => role.trim()).filter((role) => role.length > 0);
  const unknown = roles.filter((role) => !SERVICE_ROLES.includes(role as ServiceRole));
  if (roles.length === 0 || unknown.length > 0) fail(command, `roles must be among ${SERVICE_ROLES.join(', ')}${unknown.length > 0 ? ` (not ${unknown.join(', ')})` : ''}`);
  return roles as ServiceRole[];
}

function fail(command: AdminCommand, problem: string): never {
  throw new UsageError(`${problem}\n\n${COMMAND_HELP[command]}`);
}

function print(result: Record<string, unknown>): void {
  console.log(JSON.stringify(result, null, 2));
}

function printSecret(result: Record<string, unknown>): void {
  print(result);
  console.error('Store the secret now: certhub does not keep it in a form it could show again.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
