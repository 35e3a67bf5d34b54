import { issueUserCreds } from '@certhub/bus-auth';
import { producerInboxPrefix, serviceInboxPrefix, type ServiceRole } from '@certhub/contracts';
import type { NatsServerHandle } from '@certhub/dev-infra';
import { connect, credsAuthenticator, type NatsConnection } from 'nats';
import { readFileSync } from 'node:fs';

/**
 * Connections to a suite's bus under the identities certhub issues, exactly as their holders would connect:
 * the credentials file and the identity's own inbox prefix. Nothing here bypasses the server's permissions.
 */
export function connectAs(nats: NatsServerHandle, role: ServiceRole): Promise<NatsConnection> {
  return connectWithCreds(nats.url, readFileSync(nats.files.credsFile(role), 'utf8'), serviceInboxPrefix(role), `test-${role}`);
}

export function connectWithCreds(url: string, creds: string, inboxPrefix: string, name: string): Promise<NatsConnection> {
  // A cluster's nodes come comma-separated, as NATS_URL takes them.
  return connect({ servers: url.split(','), name, authenticator: credsAuthenticator(new TextEncoder().encode(creds)), inboxPrefix, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
}

export function connectAsProducer(url: string, creds: string, tenantId: string): Promise<NatsConnection> {
  return connectWithCreds(url, creds, producerInboxPrefix(tenantId), `test-producer-${tenantId}`);
}

/**
 * A test-only identity allowed everything in the certhub account, for looking at what no real identity may
 * read (the command stream's stored messages, every subject at once). It is minted here from the suite's
 * authority; certhub issues no such credentials.
 */
export function connectAsInspector(nats: Pick<NatsServerHandle, 'url' | 'authority'>): Promise<NatsConnection> {
  const { creds } = issueUserCreds(nats.authority, 'test-inspector', { pub: { allow: ['>'] }, sub: { allow: ['>'] } });
  return connectWithCreds(nats.url, creds, '_INBOX.inspector', 'test-inspector');
}
