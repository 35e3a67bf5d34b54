import { createHmac } from 'node:crypto';
import { sha256Hex } from '../auth/raw-body';
import { canonicalQuery } from '../auth/rfc3986';
import { ACS3_HMAC_SHA256 } from './alibaba-v3-authorization';

export interface V3RequestParts {
  readonly method: string;
  /** The path exactly as sent; "/" for the RPC style. */
  readonly rawPath: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case names in SignedHeaders order, each with the request's value for it. */
  readonly signedHeaders: ReadonlyArray<readonly [string, string]>;
  /** x-acs-content-sha256: the lower-case hex SHA-256 of the body. */
  readonly payloadHash: string;
}

/**
 * CanonicalRequest of signature v3: method, canonical URI, the sorted RFC 3986-encoded query, the signed
 * headers as `name:value` lines, their names joined with ";", and the body hash, joined with "\n".
 */
export function v3CanonicalRequest(parts: V3RequestParts): string {
  const headerLines = parts.signedHeaders.map(([name, value]) => `${name}:${value.trim()}\n`).join('');
  const headerNames = parts.signedHeaders.map(([name]) => name).join(';');
  return [parts.method.toUpperCase(), parts.rawPath, canonicalQuery(parts.query), headerLines, headerNames, parts.payloadHash].join('\n');
}

/** StringToSign = "ACS3-HMAC-SHA256\n" + hex(sha256(CanonicalRequest)). */
export function v3StringToSign(canonicalRequest: string): string {
  return `${ACS3_HMAC_SHA256}\n${sha256Hex(canonicalRequest)}`;
}

/** Signature = hex(HMAC-SHA256(AccessKeySecret, StringToSign)); unlike v1, the key has no "&" appended. */
export function v3Signature(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
}
