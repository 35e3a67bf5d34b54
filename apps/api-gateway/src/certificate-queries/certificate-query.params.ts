import { CerthubError, CertificateQueryLimits, FINGERPRINT_SHA256, normalizeHostname, TAG_FILTER, type CertificateQueryRequest } from '@certhub/contracts';

const PARAMETERS = ['hostname', 'expires_within_days', 'q', 'fingerprint', 'tag', 'limit', 'after'] as const;
const CURSOR = /^[A-Za-z0-9_-]+$/;

/**
 * The query string of `GET /certhub/v1/tenants/{tenant_id}/certificates` as a storage request. Every
 * parameter is optional, appears at most once and is checked here, so a bad one is a 400 naming the
 * parameter; an unknown parameter is refused rather than ignored, so a typo never widens a listing.
 */
export function readCertificateQueryParams(tenantId: string, query: unknown): CertificateQueryRequest {
  const params = typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
  if (Object.keys(params).some((name) => !(PARAMETERS as readonly string[]).includes(name))) {
    throw invalid(`Unknown query parameter; the parameters are ${PARAMETERS.join(', ')}.`);
  }
  const hostname = single(params, 'hostname');
  const expiresWithinDays = single(params, 'expires_within_days');
  const namePrefix = single(params, 'q');
  const fingerprint = single(params, 'fingerprint');
  const tags = tagsOf(params['tag']);
  const limit = single(params, 'limit');
  const after = single(params, 'after');
  return {
    tenantId,
    ...(hostname !== undefined && { hostname: hostnameOf(hostname) }),
    ...(expiresWithinDays !== undefined && {
      expiresWithinDays: integerOf('expires_within_days', expiresWithinDays, 0, CertificateQueryLimits.maxExpiresWithinDays),
    }),
    ...(namePrefix !== undefined && { namePrefix: namePrefixOf(namePrefix) }),
    ...(fingerprint !== undefined && { fingerprint: fingerprintOf(fingerprint) }),
    ...(tags !== undefined && { tags }),
    ...(limit !== undefined && { limit: integerOf('limit', limit, 1, CertificateQueryLimits.maxLimit) }),
    ...(after !== undefined && { after: cursorOf(after) }),
  };
}

function single(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be given once, as a plain value.`);
  return value;
}

/** `tag=key:value`, repeatable (all must hold): Express gives one value as a string, several as an array. */
function tagsOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  if (values.length > CertificateQueryLimits.maxTags) throw invalid(`tag may be given at most ${CertificateQueryLimits.maxTags} times.`);
  return values.map((tag) => {
    if (typeof tag !== 'string' || !TAG_FILTER.test(tag)) throw invalid('tag must be key:value, e.g. tag=env:prod; the key is 1-64 letters, digits, _ or -.');
    return tag;
  });
}

function hostnameOf(raw: string): string {
  const hostname = normalizeHostname(raw);
  if (hostname === null) throw invalid('hostname must be a host name such as www.example.com, or *.example.com.');
  return hostname;
}

function namePrefixOf(raw: string): string {
  if (raw.length < 1 || raw.length > CertificateQueryLimits.maxNamePrefixLength) {
    throw invalid(`q must be 1 to ${CertificateQueryLimits.maxNamePrefixLength} characters: the start of a name.`);
  }
  return raw;
}

/** Hex in either case, with or without the colons `openssl x509 -fingerprint -sha256` prints. */
function fingerprintOf(raw: string): string {
  const hex = raw.replace(/:/g, '').toLowerCase();
  if (!FINGERPRINT_SHA256.test(hex)) throw invalid('fingerprint must be a SHA-256 fingerprint: 64 hex digits, colons allowed.');
  return hex;
}

function integerOf(name: string, raw: string, min: number, max: number): number {
  const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw invalid(`${name} must be a whole number from ${min} to ${max}.`);
  return value;
}

/** Opaque to the gateway: only its size and alphabet are checked here, its meaning by the storage service. */
function cursorOf(raw: string): string {
  if (raw.length > CertificateQueryLimits.maxCursorLength || !CURSOR.test(raw)) {
    throw invalid('after must be the next value of a previous page.');
  }
  return raw;
}

function invalid(message: string): CerthubError {
  return new CerthubError('INVALID_REQUEST', message);
}
