/** RFC 3986 unreserved characters: the only ones Alibaba's signature v1 leaves as they are. */
const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/**
 * Alibaba's percentEncode for signature v1: UTF-8 bytes, every byte outside A-Z a-z 0-9 - _ . ~ written as
 * %XX in upper case. This is what Java's URLEncoder produces after Alibaba's three fix-ups (space → %20,
 * * → %2A, %7E → ~). It works on bytes rather than encodeURIComponent so that no input can make it throw
 * (a lone surrogate becomes U+FFFD, exactly as Buffer encodes it).
 */
export function percentEncode(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
