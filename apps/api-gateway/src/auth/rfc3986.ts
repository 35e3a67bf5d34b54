/** RFC 3986 unreserved characters: the only ones the clouds' signers leave as they are. */
const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/**
 * The percent-encoding every signature certhub checks is built on (Alibaba v1 and v3, Huawei AK/SK): UTF-8
 * bytes, every byte outside A-Z a-z 0-9 - _ . ~ written as %XX in upper case. Alibaba describes it as Java's
 * URLEncoder plus three fix-ups (space → %20, * → %2A, %7E → ~); Huawei's AKSKSigner keeps the same table.
 * It works on bytes rather than encodeURIComponent so that no input can make it throw (a lone surrogate
 * becomes U+FFFD, exactly as Buffer encodes it).
 */
export function percentEncode(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/**
 * The canonical query string of the header-signed schemes (Huawei SDK-HMAC-SHA256, Alibaba ACS3): the decoded
 * name=value pairs sorted by name, then value (UTF-16 code units, the order the SDKs' plain sort() gives),
 * each side percent-encoded, joined with "&". An empty query is the empty string.
 */
export function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return [...pairs]
    .sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

/** The decoded name=value pairs of a raw URL's query, in order, exactly as sent (not Express's parsed req.query). */
export function queryPairsOf(url: string): Array<[string, string]> {
  const start = url.indexOf('?');
  return start < 0 ? [] : [...new URLSearchParams(url.slice(start + 1))];
}

/** The raw path of a URL as the client sent it, before any "?". */
export function rawPathOf(url: string): string {
  const start = url.indexOf('?');
  return start < 0 ? url : url.slice(0, start);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
