import { issueUserCreds } from '@certhub/bus-auth';
import { producerInboxPrefix, serviceInboxPrefix, type ServiceRole } from '@certhub/contracts';
import { connectInAttempts, type NatsServerHandle } from '@certhub/dev-infra';
import { credsAuthenticator, type NatsConnection } from 'nats';
import { readFileSync } from 'node:fs';

/**
 * Connections to a suite's bus under the identities certhub issues, exactly as their holders would connect:
 * the credentials file and the identity's own inbox prefix. Nothing here bypasses the server's permissions.
 */
/** Where a suite's bus is: its URL (a cluster's nodes comma-separated, as NATS_URL takes them) and the CA its TLS certificate chains to. */
export type BusAddress = Pick<NatsServerHandle, 'url' | 'caFile'>;

export function connectAs(nats: BusAddress & Pick<NatsServerHandle, 'files'>, role: ServiceRole): Promise<NatsConnection> {
  return connectWithCreds(nats, readFileSync(nats.files.credsFile(role), 'utf8'), serviceInboxPrefix(role), `test-${role}`);
}

export function connectWithCreds(bus: BusAddress, creds: string, inboxPrefix: string, name: string): Promise<NatsConnection> {
  return connectInAttempts({
    servers: bus.url.split(','),
    tls: { caFile: bus.caFile },
    name,
    authenticator: credsAuthenticator(new TextEncoder().encode(creds)),
    inboxPrefix,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
  });
}

export function connectAsProducer(bus: BusAddress, creds: string, tenantId: string): Promise<NatsConnection> {
  return connectWithCreds(bus, creds, producerInboxPrefix(tenantId), `test-producer-${tenantId}`);
}

/**
 * A test-only identity allowed everything in the certhub account, for looking at what no real identity may
 * read (the command stream's stored messages, every subject at once). It is minted here from the suite's
 * authority; certhub issues no such credentials.
 */
export function connectAsInspector(nats: BusAddress & Pick<NatsServerHandle, 'authority'>): Promise<NatsConnection> {
  const { creds } = issueUserCreds(nats.authority, 'test-inspector', { pub: { allow: ['>'] }, sub: { allow: ['>'] } });
  return connectWithCreds(nats, creds, '_INBOX.inspector', 'test-inspector');
}
