import type { ServiceRole } from '@certhub/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { fromSeed } from 'nkeys.js';
import { accountPublicKey, currentServiceClaims, issueServiceCreds, withUsersRevoked, type BusAuthority } from './bus-authority';
import type { BusFiles } from './bus-files';
import { writeSecret } from './secret-file';
import { credsUserJwt, credsUserSeed } from './creds-file';
import { decodeJwtClaims, signedBy } from './nats-jwt';

export interface ServiceCredsRenewal {
  readonly authority: BusAuthority;
  /** The roles whose credentials were issued anew. */
  readonly issued: readonly ServiceRole[];
  /** The user keys revoked with them: the credentials they replace. */
  readonly revoked: readonly string[];
}

/**
 * Keeps each service identity's credentials file while it is current (issued by this authority, for that
 * role, with today's permissions) and the role is not asked to rotate; otherwise issues new credentials and
 * revokes the ones they replace. So a credentials file copied away before a rotation, or left by an earlier
 * version, stops working instead of staying valid for ever; and starting again issues nothing, so the
 * revocation list grows only with rotations and permission changes.
 */
export function renewServiceCreds(authority: BusAuthority, files: BusFiles, roles: readonly ServiceRole[], rotate: readonly ServiceRole[] = []): ServiceCredsRenewal {
  const services: Partial<Record<ServiceRole, string>> = { ...authority.services };
  const issued: ServiceRole[] = [];
  const revoked = new Set<string>();
  for (const role of roles) {
    const file = files.credsFile(role);
    const existing = existsSync(file) ? issuedUser(authority, readFileSync(file, 'utf8')) : undefined;
    const recorded = services[role];
    const current =
      existing !== undefined &&
      existing.name === role &&
      (recorded === undefined || recorded === existing.publicKey) &&
      isDeepStrictEqual(existing.claims, currentServiceClaims(authority, role)) &&
      !rotate.includes(role);
    if (current) {
      services[role] = existing.publicKey;
      continue;
    }
    const fresh = issueServiceCreds(authority, role);
    writeSecret(file, fresh.creds);
    services[role] = fresh.publicKey;
    issued.push(role);
    for (const old of [recorded, existing?.publicKey]) if (old !== undefined && old !== fresh.publicKey) revoked.add(old);
  }
  return { authority: { ...withUsersRevoked(authority, [...revoked]), services }, issued, revoked: [...revoked] };
}

interface IssuedUser {
  readonly publicKey: string;
  readonly name: unknown;
  readonly claims: unknown;
}

/**
 * The user a credentials file names, when this authority's account issued it and the file's seed is that
 * user's; anything else (which could not connect) counts as absent.
 */
function issuedUser(authority: BusAuthority, text: string): IssuedUser | undefined {
  const jwt = credsUserJwt(text);
  const seed = credsUserSeed(text);
  if (jwt === undefined || seed === undefined || !signedBy(jwt, accountPublicKey(authority))) return undefined;
  try {
    const claims = decodeJwtClaims(jwt);
    if (claims['iss'] !== accountPublicKey(authority) || typeof claims['sub'] !== 'string') return undefined;
    if (fromSeed(Buffer.from(seed, 'utf8')).getPublicKey() !== claims['sub']) return undefined;
    return { publicKey: claims['sub'], name: claims['name'], claims: claims['nats'] };
  } catch {
    return undefined;
  }
}
