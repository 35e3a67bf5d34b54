import { createHmac } from 'node:crypto';
import { canonicalQuery, percentEncode } from '../rfc3986';
import { sha256Hex } from '../raw-body';
import { HUAWEI_SIGNING_ALGORITHM } from './huawei-authorization';

export interface HuaweiRequestParts {
  readonly method: string;
  /** The path exactly as sent (still percent-encoded), without the query. */
  readonly rawPath: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case names in SignedHeaders order, each with the request's value for it. */
  readonly signedHeaders: ReadonlyArray<readonly [string, string]>;
  /** Lower-case hex SHA-256 of the body bytes. */
  readonly payloadHash: string;
}

/**
 * Huawei's canonical request (API Request Signing Guide, "Constructing a Standard Request"): method, the URI
 * with each segment encoded and a trailing "/", the sorted encoded query, the signed headers as lower-case
 * `name:value` lines, their names joined with ";", and the hex SHA-256 of the body, joined with "\n". The URI
 * segments are encoded as sent, as AKSKSigner.CanonicalURI does with the URL it sends.
 */
export function huaweiCanonicalRequest(parts: HuaweiRequestParts): string {
  const encodedPath = parts.rawPath.split('/').map(percentEncode).join('/');
  const canonicalUri = encodedPath.endsWith('/') ? encodedPath : `${encodedPath}/`;
  const headerLines = parts.signedHeaders.map(([name, value]) => `${name}:${value.trim()}\n`).join('');
  const headerNames = parts.signedHeaders.map(([name]) => name).join(';');
  return [parts.method.toUpperCase(), canonicalUri, canonicalQuery(parts.query), headerLines, headerNames, parts.payloadHash].join('\n');
}

/** "SDK-HMAC-SHA256\n" + X-Sdk-Date + "\n" + hex(sha256(canonical request)). */
export function huaweiStringToSign(sdkDate: string, canonicalRequest: string): string {
  return `${HUAWEI_SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`;
}

/** hex(HMAC-SHA256(SK, string to sign)). */
export function huaweiSignature(secretKey: string, stringToSign: string): string {
  return createHmac('sha256', secretKey).update(stringToSign, 'utf8').digest('hex');
}
