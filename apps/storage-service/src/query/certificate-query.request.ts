import { CertificateQueryLimits, normalizeHostname } from '@certhub/contracts';
import { decodeCursor, type QueryCursor } from './query-cursor';

/** A checked `certhub.rpc.certificates.query` request, defaults applied. */
export interface CertificateQuery {
  readonly tenantId: string;
  readonly hostname: string | null;
  readonly expiresWithinDays: number | null;
  readonly limit: number;
  readonly after: QueryCursor | null;
}

export type CertificateQueryReading = { readonly query: CertificateQuery } | { readonly problem: string };

const TENANT = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;

/**
 * RPC payloads come off the bus: every field is checked for its type before it reaches a filter, so an
 * object such as `{"$ne": null}` can never stand in for a tenant id or a host name.
 */
export function readCertificateQuery(raw: unknown): CertificateQueryReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: 'the request must be an object' };
  const request = raw as Record<string, unknown>;
  const { tenantId, hostname, expiresWithinDays, limit, after } = request;
  if (typeof tenantId !== 'string' || !TENANT.test(tenantId)) return { problem: 'tenantId is not a valid tenant id' };
  const host = hostname === undefined || hostname === null ? null : typeof hostname === 'string' ? normalizeHostname(hostname) : null;
  if (host === null && hostname !== undefined && hostname !== null) return { problem: 'hostname is not a host name' };
  if (!isOptionalInt(expiresWithinDays, 0, CertificateQueryLimits.maxExpiresWithinDays)) {
    return { problem: `expiresWithinDays must be an integer from 0 to ${CertificateQueryLimits.maxExpiresWithinDays}` };
  }
  if (!isOptionalInt(limit, 1, CertificateQueryLimits.maxLimit)) {
    return { problem: `limit must be an integer from 1 to ${CertificateQueryLimits.maxLimit}` };
  }
  const cursor = after === undefined || after === null ? null : typeof after === 'string' ? decodeCursor(after) : null;
  if (cursor === null && after !== undefined && after !== null) return { problem: 'after is not a cursor this service returned' };
  return {
    query: {
      tenantId,
      hostname: host,
      expiresWithinDays: typeof expiresWithinDays === 'number' ? expiresWithinDays : null,
      limit: typeof limit === 'number' ? limit : CertificateQueryLimits.defaultLimit,
      after: cursor,
    },
  };
}

function isOptionalInt(value: unknown, min: number, max: number): boolean {
  return value === undefined || value === null || (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max);
}
