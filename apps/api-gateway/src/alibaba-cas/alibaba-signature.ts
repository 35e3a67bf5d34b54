import { createHmac, timingSafeEqual } from 'node:crypto';
import { percentEncode } from '../auth/rfc3986';

/** HMAC-SHA1 is 20 bytes: its base64 is always 28 characters ending in one "=". */
export const SIGNATURE_SHAPE = /^[A-Za-z0-9+/]{27}=$/;

/**
 * StringToSign of Alibaba's RPC signature v1: HTTPMethod & percentEncode("/") & percentEncode(the canonical
 * query), where the canonical query is every request parameter except Signature, sorted by name (UTF-16
 * code-unit order, which is what Java's String.compareTo and the SDKs' plain sort() both use), each
 * name and value percent-encoded and joined as name=value with "&".
 */
export function stringToSign(method: string, parameters: ReadonlyMap<string, string>): string {
  const canonical = [...parameters.keys()]
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(parameters.get(name) ?? '')}`)
    .join('&');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/** base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). */
export function sign(text: string, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(text, 'utf8').digest('base64');
}

/** A Signature value that cannot be a base64 HMAC-SHA1 at all. */
export function isWellFormedSignature(signature: string): boolean {
  return SIGNATURE_SHAPE.test(signature);
}

/** Constant-time comparison; both sides are 28 ASCII characters once the shape was checked. */
export function signatureMatches(provided: string, expected: string): boolean {
  const a = Buffer.from(provided, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
