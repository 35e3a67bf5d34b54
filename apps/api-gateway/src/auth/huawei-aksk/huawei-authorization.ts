/** The only algorithm Huawei's SDKs sign with by default (AKSKSigner.SDK_SIGNING_ALGORITHM). */
export const HUAWEI_SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/** Hex HMAC-SHA256: 64 lower-case hex digits. */
export const HUAWEI_SIGNATURE = /^[0-9a-f]{64}$/;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

export interface HuaweiAuthorization {
  readonly algorithm: string;
  readonly accessKeyId: string;
  /** Lower-case header names in the order the client listed (and so signed) them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Whether a request is AK/SK-signed (Huawei's `Authorization: SDK-…`) rather than carrying an X-Auth-Token. */
export function isAkskSigned(authorization: string | undefined): boolean {
  return authorization !== undefined && /^SDK-/i.test(authorization.trim());
}

/**
 * Reads `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b;c>, Signature=<hex>` (API Request Signing Guide,
 * "Adding the Signature to the Request Header"). Returns what is wrong instead of throwing, so the caller
 * words the error in its dialect.
 */
export function readHuaweiAuthorization(value: string): HuaweiAuthorization | string {
  const match = /^(\S+)\s+(.+)$/.exec(value.trim());
  if (!match) return 'the Authorization header is not "SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…"';
  const [, algorithm = '', rest = ''] = match;
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return `the Authorization header has a malformed part "${printable(part.trim())}"`;
    fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const accessKeyId = fields.get('Access');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return 'the Authorization header needs Access, SignedHeaders and Signature';
  const names = signedHeaders.split(';');
  if (names.some((name) => !HEADER_NAME.test(name))) return 'SignedHeaders must list lower-case header names separated by ";"';
  if (!HUAWEI_SIGNATURE.test(signature)) return 'Signature must be 64 lower-case hex digits';
  return { algorithm, accessKeyId, signedHeaders: names, signature };
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}
