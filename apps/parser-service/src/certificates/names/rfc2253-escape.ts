const BACKSLASH_ESCAPED = new Set([...'"+,;<>\\'].map((char) => char.charCodeAt(0)));
const SPACE = 0x20;
const HASH = 0x23;

/**
 * Escapes one attribute value the way `openssl x509 -nameopt RFC2253` does (ASN1_STRFLGS_RFC2253): RFC 2253
 * specials get a backslash, a leading `#` or a leading or trailing space too, and control characters and every
 * UTF-8 byte of a non-ASCII character become `\XX`. Matching OpenSSL byte for byte is the point: operators compare
 * what we store with what they see in OpenSSL, so `Zürich` becomes `Z\C3\BCrich`.
 */
export function escapeRfc2253(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  let out = '';
  bytes.forEach((byte, index) => {
    const last = index === bytes.length - 1;
    // OpenSSL flags the first character only when it is not also the last one.
    const first = index === 0 && !last;
    if (byte > 0x7e || byte < 0x20) out += `\\${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (BACKSLASH_ESCAPED.has(byte) || (byte === SPACE && (first || last)) || (byte === HASH && first)) out += `\\${String.fromCharCode(byte)}`;
    else out += String.fromCharCode(byte);
  });
  return out;
}
