import { CertificateQueryLimits, CertificateQueryRequest, normalizeHostname, validatePayload } from '@certhub/contracts';
import { decodeCursor, type QueryCursor } from './query-cursor';

/** A checked `certhub.rpc.certificates.query` request, defaults applied. */
export interface CertificateQuery {
  readonly tenantId: string;
  readonly hostname: string | null;
  readonly expiresWithinDays: number | null;
  readonly namePrefix: string | null;
  readonly fingerprint: string | null;
  readonly tags: readonly string[];
  readonly limit: number;
  readonly after: QueryCursor | null;
}

export type CertificateQueryReading = { readonly query: CertificateQuery } | { readonly problem: string };

/**
 * RPC payloads come off the bus: the contract checks every field's type and bounds before anything reaches a
 * filter, so an object such as `{"$ne": null}` can never stand in for a tenant id or a host name. Only the
 * storage service can tell whether a cursor is one it issued.
 */
export function readCertificateQuery(raw: unknown): CertificateQueryReading {
  const checked = validatePayload(CertificateQueryRequest, raw);
  if (!checked.ok) return { problem: checked.problems.join('; ') };
  const { tenantId, hostname, expiresWithinDays, namePrefix, fingerprint, tags, limit, after } = checked.value;
  const cursor = typeof after === 'string' ? decodeCursor(after) : null;
  if (typeof after === 'string' && cursor === null) return { problem: 'after is not a cursor this service returned' };
  return {
    query: {
      tenantId,
      // The contract accepted it only if it normalizes.
      hostname: typeof hostname === 'string' ? normalizeHostname(hostname) : null,
      expiresWithinDays: expiresWithinDays ?? null,
      namePrefix: namePrefix ?? null,
      fingerprint: fingerprint ?? null,
      tags: [...new Set(tags ?? [])],
      limit: limit ?? CertificateQueryLimits.defaultLimit,
      after: cursor,
    },
  };
}
