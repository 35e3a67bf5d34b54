import { createHash } from 'node:crypto';
import { fromPublic, type KeyPair } from 'nkeys.js';

/**
 * NATS decentralized-auth JWTs (claims version 2), encoded by hand: the format is a plain JWS with an
 * `ed25519-nkey` signature by the issuer's nkey, and the only npm encoder (@nats-io/jwt) is an ESM-only
 * 0.0.x release. nats-server verifies every token, so the integration tests are this file's oracle.
 */
const HEADER = { typ: 'JWT', alg: 'ed25519-nkey' } as const;

export interface Permission {
  readonly allow?: readonly string[];
  readonly deny?: readonly string[];
}

export interface UserPermissions {
  readonly pub: Permission;
  readonly sub: Permission;
  /** Lets the user answer requests sent to the subjects it subscribes to, once each, on their reply subject. */
  readonly allowResponses?: boolean;
}

const UNLIMITED = -1;

export function operatorClaims(operator: KeyPair, name: string, systemAccount: string): Record<string, unknown> {
  const subject = publicKey(operator);
  return baseClaims(subject, subject, name, { type: 'operator', version: 2, system_account: systemAccount });
}

export function accountClaims(
  operator: KeyPair,
  account: KeyPair,
  name: string,
  options: { readonly jetstream: boolean; readonly revocations?: Readonly<Record<string, number>> },
): Record<string, unknown> {
  const limits: Record<string, unknown> = {
    subs: UNLIMITED, data: UNLIMITED, payload: UNLIMITED, imports: UNLIMITED, exports: UNLIMITED,
    wildcards: true, conn: UNLIMITED, leaf: UNLIMITED,
    ...(options.jetstream ? { mem_storage: UNLIMITED, disk_storage: UNLIMITED, streams: UNLIMITED, consumer: UNLIMITED } : {}),
  };
  const nats: Record<string, unknown> = {
    type: 'account',
    version: 2,
    limits,
    // Nothing is allowed unless a user's own token says so.
    default_permissions: { pub: { deny: ['>'] }, sub: { deny: ['>'] } },
    ...(options.revocations && Object.keys(options.revocations).length > 0 ? { revocations: options.revocations } : {}),
  };
  return baseClaims(publicKey(operator), publicKey(account), name, nats);
}

export function userClaims(account: KeyPair, userPublicKey: string, name: string, permissions: UserPermissions): Record<string, unknown> {
  const nats: Record<string, unknown> = {
    type: 'user',
    version: 2,
    pub: permissionJson(permissions.pub),
    sub: permissionJson(permissions.sub),
    subs: UNLIMITED,
    data: UNLIMITED,
    payload: UNLIMITED,
    ...(permissions.allowResponses ? { resp: { max: 1, ttl: 0 } } : {}),
  };
  return baseClaims(publicKey(account), userPublicKey, name, nats);
}

/** Signs claims as a JWT with the issuer's nkey; `jti` and `iat` are filled in here. */
export function encodeJwt(claims: Record<string, unknown>, issuer: KeyPair, issuedAt = Math.floor(Date.now() / 1000)): string {
  const body = { ...claims, iat: issuedAt };
  const jti = createHash('sha256').update(JSON.stringify(body)).digest('base64url').toUpperCase();
  const signingInput = `${base64url(JSON.stringify(HEADER))}.${base64url(JSON.stringify({ jti, ...body }))}`;
  const signature = Buffer.from(issuer.sign(Buffer.from(signingInput, 'utf8'))).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** The claims of a JWT, without checking its signature (used to read back our own account tokens). */
export function decodeJwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Whether the JWT was signed by the holder of this nkey (an account's, for a user token). */
export function signedBy(jwt: string, issuerPublicKey: string): boolean {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return false;
  try {
    return fromPublic(issuerPublicKey).verify(Buffer.from(`${header}.${payload}`, 'utf8'), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

function baseClaims(issuer: string, subject: string, name: string, nats: Record<string, unknown>): Record<string, unknown> {
  return { iss: issuer, sub: subject, name, nats };
}

/**
 * An empty allow list means "nothing": NATS reads a missing list as "everything", so it becomes a deny of `>`.
 */
function permissionJson(permission: Permission): Record<string, unknown> {
  const allow = permission.allow ?? [];
  const deny = permission.deny ?? [];
  if (allow.length === 0) return { deny: ['>'] };
  return { allow: [...allow], ...(deny.length > 0 ? { deny: [...deny] } : {}) };
}

function publicKey(pair: KeyPair): string {
  return pair.getPublicKey();
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
