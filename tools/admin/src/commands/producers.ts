import {
  issueProducerCreds,
  issueServiceCreds,
  loadAuthority,
  producerSubjects,
  saveAuthority,
  withObserver,
  withObserversRevoked,
  withProducer,
  withTenantRevoked,
} from '@certhub/bus-auth';
import { CommandIdentity, validatePayload } from '@certhub/contracts';
import { readFileSync, writeFileSync } from 'node:fs';
import { busCaFile, busDirectory } from '../admin-environment';
import { pushAccount } from './account-push';

/**
 * Producer credentials are JWTs signed with the certhub account's key, so issuing one needs nothing from the
 * running server; revoking one pushes a new account JWT to it through the system account, which cuts live
 * connections at once. Both need the bus authority (CERTHUB_BUS_DIR), which only operators hold.
 */
export function createProducer(tenantId: string): Record<string, unknown> {
  assertTenantId(tenantId);
  const file = busDirectory().authorityFile;
  const authority = loadAuthority(file);
  const issued = issueProducerCreds(authority, tenantId);
  saveAuthority(file, withProducer(authority, { tenantId, publicKey: issued.publicKey, issuedAt: new Date().toISOString() }));
  const subjects = producerSubjects(tenantId);
  const caFile = busCaFile();
  return {
    tenant: tenantId,
    creds: issued.creds,
    publish: { create: subjects.create, update: subjects.update, delete: subjects.delete, rollback: subjects.rollback },
    outcomes: subjects.outcomes,
    inboxPrefix: subjects.inboxPrefix,
    user: issued.publicKey,
    // The producer connects with TLS and must trust the bus's CA (public, unlike the credentials above).
    ...(caFile ? { tlsCa: readFileSync(caFile, 'utf8') } : {}),
  };
}

export async function revokeProducers(tenantId: string): Promise<Record<string, unknown>> {
  assertTenantId(tenantId);
  const file = busDirectory().authorityFile;
  const { authority, revoked } = withTenantRevoked(loadAuthority(file), tenantId);
  // Saved first: if the push fails, the next `npm start` / `init-bus` renders the revocation into the config.
  saveAuthority(file, authority);
  await pushAccount(authority);
  return { tenant: tenantId, revoked };
}

/** Read-only credentials over every tenant's events and the dead letters, for operators and dashboards. */
export function createObserver(outFile: string | undefined): Record<string, unknown> {
  const file = busDirectory().authorityFile;
  const authority = loadAuthority(file);
  const issued = issueServiceCreds(authority, 'observer');
  // Recorded, so that revoke-observers can withdraw it: each copy handed out is an identity of its own.
  saveAuthority(file, withObserver(authority, { publicKey: issued.publicKey, issuedAt: new Date().toISOString() }));
  if (outFile) writeFileSync(outFile, issued.creds, { mode: 0o600 });
  return { role: 'observer', user: issued.publicKey, ...(outFile ? { credsFile: outFile } : { creds: issued.creds }) };
}

/** Revokes every observer credential create-observer handed out, on the running server at once. */
export async function revokeObservers(): Promise<Record<string, unknown>> {
  const file = busDirectory().authorityFile;
  const { authority, revoked } = withObserversRevoked(loadAuthority(file));
  saveAuthority(file, authority);
  await pushAccount(authority);
  return { revoked };
}

function assertTenantId(tenantId: string): void {
  const check = validatePayload(CommandIdentity, { tenantId, requestId: 'x' });
  if (!check.ok) throw new Error(check.problems.join('; '));
}
