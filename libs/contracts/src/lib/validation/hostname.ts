/** One DNS label: letters, digits, `-` and `_` (seen in service names), not starting or ending with `-`. */
const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const HOSTNAME = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);
const MAX_HOSTNAME_LENGTH = 253;

/**
 * A host name to look certificates up by, lower-cased with any trailing dot removed, or null when it is not
 * one. A leading `*.` is allowed (to find the wildcard certificate itself); any other `*` is not.
 */
export function normalizeHostname(raw: string): string | null {
  const name = raw.trim().toLowerCase().replace(/\.$/, '');
  if (name.length === 0 || name.length > MAX_HOSTNAME_LENGTH) return null;
  return HOSTNAME.test(name) ? name : null;
}
