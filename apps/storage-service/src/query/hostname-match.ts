/**
 * The stored hostnames that answer a look-up of `hostname` (already normalized, see normalizeHostname): the
 * name itself and the wildcard that would cover it in TLS. A wildcard covers exactly one label
 * (`*.example.com` covers `a.example.com`, not `b.a.example.com` nor `example.com`), and never sits right
 * above a top-level domain (`*.com`), which browsers refuse. Looking up `*.example.com` finds the wildcard
 * certificate itself only. Partial-label wildcards (`a*.example.com`) are not honoured, as browsers do not.
 */
export function hostnameCandidates(hostname: string): string[] {
  if (hostname.startsWith('*.')) return [hostname];
  const dot = hostname.indexOf('.');
  const parent = hostname.slice(dot + 1);
  if (dot < 0 || !parent.includes('.')) return [hostname];
  return [hostname, `*.${parent}`];
}
