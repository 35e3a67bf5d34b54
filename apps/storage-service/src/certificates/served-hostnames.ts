/** One DNS label as TLS clients match it: letters, digits, hyphens (and the underscores internal names use). */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const MAX_NAME_LENGTH = 253;

/**
 * The host names a certificate serves, lower-cased and without duplicates, as stored for `hostname=` look-ups.
 * Clients match what browsers and RFC 6125 §6.4.4 match: the DNS names of the subjectAltName, and the common
 * name only when there are none. A name clients would never match (a space or NUL in it, an empty label, a
 * bare `*` or `*.com`, a wildcard inside a label, non-ASCII text in what must be ASCII) is left out, so a
 * search never claims that a certificate covers a host it does not.
 */
export function servedHostnames(commonName: string | null, dnsNames: readonly string[]): string[] {
  const candidates = dnsNames.length > 0 ? dnsNames : commonName === null ? [] : [commonName];
  return [...new Set(candidates.map((name) => name.toLowerCase()).filter(isMatchableHostname))];
}

/** A name in preferred name syntax, optionally with one leftmost `*` label above at least two labels. */
function isMatchableHostname(name: string): boolean {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  const labels = name.split('.');
  const wildcard = labels[0] === '*';
  const named = wildcard ? labels.slice(1) : labels;
  // One label (`localhost`, an intranet host) is matchable; a wildcard needs two under it.
  return named.length >= (wildcard ? 2 : 1) && named.every((label) => LABEL.test(label));
}
