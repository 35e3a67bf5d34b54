import { loadAuthority, renewServiceCreds, saveAuthority } from '@certhub/bus-auth';
import type { ServiceRole } from '@certhub/contracts';
import { busDirectory } from '../admin-environment';
import { pushAccount } from './account-push';

/**
 * New credentials for these service identities, written where the services read them (the bus directory's
 * `creds/`), and the old ones revoked on the running servers at once: a copy of the old file stops working,
 * and the service must be restarted to connect with the new one (docs/security.md).
 */
export async function rotateServiceCreds(roles: readonly ServiceRole[]): Promise<Record<string, unknown>> {
  const files = busDirectory();
  const renewal = renewServiceCreds(loadAuthority(files.authorityFile), files, roles, roles);
  // Saved first: if the push fails, the next `npm start` / `init-bus` renders the revocation into the config.
  saveAuthority(files.authorityFile, renewal.authority);
  await pushAccount(renewal.authority);
  return { rotated: renewal.issued, revoked: renewal.revoked, creds: Object.fromEntries(renewal.issued.map((role) => [role, files.credsFile(role)])) };
}

