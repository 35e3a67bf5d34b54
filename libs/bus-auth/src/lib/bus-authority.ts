import { randomBytes } from 'node:crypto';
import { createAccount, createOperator, createUser, fromSeed, type KeyPair } from 'nkeys.js';
import type { ServiceRole } from '@certhub/contracts';
import { producerPermissions, servicePermissions } from './bus-roles';
import { formatCreds } from './creds-file';
import { accountClaims, encodeJwt, operatorClaims, userClaims, type UserPermissions } from './nats-jwt';

/**
 * Everything needed to run certhub's NATS in decentralized-auth (operator) mode: the operator, the system
 * account (to push account updates to a running server) and the one certhub account, as nkey seeds; the key
 * that encrypts JetStream's files; and the revocation list. Whoever holds it can mint any identity, so it
 * lives only where `npm run admin` runs (mode 0600; docs/security.md).
 */
export interface BusAuthority {
  readonly version: 1;
  readonly operatorSeed: string;
  readonly systemAccountSeed: string;
  readonly accountSeed: string;
  /** nats-server's JetStream `key`: every stream file is encrypted with it. */
  readonly jetstreamKey: string;
  /** User public key → unix seconds: credentials issued up to then are refused, live connections are cut. */
  readonly revocations: Readonly<Record<string, number>>;
  /** Producer credentials issued, so that `revoke-producer --tenant` can find them. */
  readonly producers: readonly ProducerRecord[];
  /**
   * The user public key of each service identity's current credentials, so that replacing them revokes the
   * old ones even when their file is gone. Absent in an authority written before it was kept.
   */
  readonly services?: Readonly<Partial<Record<ServiceRole, string>>>;
  /** Observer credentials handed out by `create-observer`, so that `revoke-observers` can find them. */
  readonly observers?: readonly ObserverRecord[];
}

export interface ObserverRecord {
  readonly publicKey: string;
  readonly issuedAt: string;
}

export interface ProducerRecord {
  readonly tenantId: string;
  readonly publicKey: string;
  readonly issuedAt: string;
}

export function createBusAuthority(): BusAuthority {
  return {
    version: 1,
    operatorSeed: seedOf(createOperator()),
    systemAccountSeed: seedOf(createAccount()),
    accountSeed: seedOf(createAccount()),
    jetstreamKey: randomBytes(32).toString('base64url'),
    revocations: {},
    producers: [],
  };
}

const pair = (seed: string): KeyPair => fromSeed(Buffer.from(seed, 'utf8'));

export function accountPublicKey(authority: BusAuthority): string {
  return pair(authority.accountSeed).getPublicKey();
}

export function systemAccountPublicKey(authority: BusAuthority): string {
  return pair(authority.systemAccountSeed).getPublicKey();
}

export function operatorJwt(authority: BusAuthority): string {
  const operator = pair(authority.operatorSeed);
  return encodeJwt(operatorClaims(operator, 'certhub', systemAccountPublicKey(authority)), operator);
}

export function systemAccountJwt(authority: BusAuthority): string {
  const operator = pair(authority.operatorSeed);
  return encodeJwt(accountClaims(operator, pair(authority.systemAccountSeed), 'SYS', { jetstream: false }), operator);
}

/** The certhub account's JWT, revocations included; pushing a newer one to the server applies them. */
export function certhubAccountJwt(authority: BusAuthority): string {
  const operator = pair(authority.operatorSeed);
  return encodeJwt(
    accountClaims(operator, pair(authority.accountSeed), 'CERTHUB', { jetstream: true, revocations: authority.revocations }),
    operator,
  );
}

export interface IssuedCreds {
  /** The text of a NATS `.creds` file. */
  readonly creds: string;
  readonly publicKey: string;
}

/** A user of the certhub account with exactly these permissions (the roles below are the ones certhub uses). */
export function issueUserCreds(authority: BusAuthority, name: string, permissions: UserPermissions): IssuedCreds {
  return issueUser(authority.accountSeed, name, permissions);
}

function issueUser(accountSeed: string, name: string, permissions: UserPermissions): IssuedCreds {
  const user = createUser();
  const jwt = encodeJwt(userClaims(pair(accountSeed), user.getPublicKey(), name, permissions), pair(accountSeed));
  return { creds: formatCreds(jwt, seedOf(user)), publicKey: user.getPublicKey() };
}

export function issueServiceCreds(authority: BusAuthority, role: ServiceRole): IssuedCreds {
  return issueUser(authority.accountSeed, role, servicePermissions(role));
}

/** The `nats` claims a service identity's token carries with today's permissions (no `iat`, no key). */
export function currentServiceClaims(authority: BusAuthority, role: ServiceRole): unknown {
  return userClaims(pair(authority.accountSeed), '', role, servicePermissions(role))['nats'];
}

/** Revokes these user keys: credentials issued for them up to now are refused, live connections cut. */
export function withUsersRevoked(authority: BusAuthority, publicKeys: readonly string[], now = new Date()): BusAuthority {
  if (publicKeys.length === 0) return authority;
  // A revocation covers credentials issued up to that second; one more second also covers one issued in it.
  const at = Math.floor(now.getTime() / 1000) + 1;
  return { ...authority, revocations: { ...authority.revocations, ...Object.fromEntries(publicKeys.map((key) => [key, at])) } };
}

export function issueProducerCreds(authority: BusAuthority, tenantId: string): IssuedCreds {
  return issueUser(authority.accountSeed, `producer:${tenantId}`, producerPermissions(tenantId));
}

/** A system-account user: it may only push account updates (revocations) to the servers. */
export function issueSystemCreds(authority: BusAuthority): IssuedCreds {
  return issueUser(authority.systemAccountSeed, 'certhub-admin-sys', {
    pub: { allow: ['$SYS.REQ.CLAIMS.UPDATE', '$SYS.REQ.ACCOUNT.*.CLAIMS.UPDATE'] },
    sub: { allow: ['_INBOX.>'] },
  });
}

export function withProducer(authority: BusAuthority, record: ProducerRecord): BusAuthority {
  return { ...authority, producers: [...authority.producers, record] };
}

export function withObserver(authority: BusAuthority, record: ObserverRecord): BusAuthority {
  return { ...authority, observers: [...(authority.observers ?? []), record] };
}

/** Revokes every observer credential `create-observer` handed out so far. */
export function withObserversRevoked(authority: BusAuthority, now = new Date()): { authority: BusAuthority; revoked: string[] } {
  const revoked = (authority.observers ?? []).map((observer) => observer.publicKey);
  return { authority: { ...withUsersRevoked(authority, revoked, now), observers: [] }, revoked };
}

/** Revokes every producer credential of the tenant issued so far. */
export function withTenantRevoked(authority: BusAuthority, tenantId: string, now = new Date()): { authority: BusAuthority; revoked: string[] } {
  const revoked = authority.producers.filter((producer) => producer.tenantId === tenantId).map((producer) => producer.publicKey);
  const revokedAuthority = withUsersRevoked(authority, revoked, now);
  return {
    authority: { ...revokedAuthority, producers: authority.producers.filter((producer) => producer.tenantId !== tenantId) },
    revoked,
  };
}

function seedOf(keyPair: KeyPair): string {
  return Buffer.from(keyPair.getSeed()).toString('utf8');
}
