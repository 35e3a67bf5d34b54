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

/** Huawei's AK shape: 20 upper-case letters and digits (the gateway tells the clouds' keys apart by it). */
export function newHuaweiAccessKeyId(): string {
  return randomString(20, UPPER_ALPHANUMERIC);
}

/** Huawei's SK shape: 40 letters and digits. */
export function newHuaweiSecretKey(): string {
  return alphanumeric(40);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function alphanumeric(length: number): string {
  return randomString(length, ALPHABET);
}

function randomString(length: number, alphabet: string): string {
  // Rejection sampling keeps every character equally likely: bytes at or above the last multiple of the
  // alphabet's size are drawn again (248 = 4 * 62, 252 = 7 * 36).
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}
