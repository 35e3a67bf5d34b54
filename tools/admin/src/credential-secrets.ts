import { randomBytes } from 'node:crypto';

/** 256 bits, URL-safe: fits an HTTP header unchanged. */
export function newToken(): string {
  return `cht_${randomBytes(32).toString('base64url')}`;
}

export function newTokenId(): string {
  return `tok_${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Alibaba's AccessKeyId shape: "LTAI" and 20 letters and digits. */
export function newAccessKeyId(): string {
  return `LTAI${alphanumeric(20)}`;
}

/** Alibaba's AccessKeySecret shape: 30 letters and digits. */
export function newAccessKeySecret(): string {
  return alphanumeric(30);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function alphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // Rejection sampling keeps every character equally likely (248 = 4 * 62).
      if (byte < 248 && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}
