import { alibabaError } from './alibaba-error-codes';

/** The v3 algorithm certhub checks; the SDKs' default (ACS3-HMAC-SM3 and ACS3-RSA-SHA256 are not served). */
export const ACS3_HMAC_SHA256 = 'ACS3-HMAC-SHA256';

/** Hex HMAC-SHA256: 64 lower-case hex digits. */
export const V3_SIGNATURE = /^[0-9a-f]{64}$/;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

export interface V3Authorization {
  readonly accessKeyId: string;
  /** Lower-case header names in the order the client listed (and so signed) them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/**
 * `Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;c>,Signature=<hex>` ("Request
 * syntax and signature method V3"). A header of another shape is IncompleteSignature, another ACS3 algorithm
 * InvalidSignatureMethod.
 */
export function readV3Authorization(value: string | undefined): V3Authorization {
  if (value === undefined || value.trim() === '') throw alibabaError('IncompleteSignature', 'The Authorization header is missing.');
  const match = /^(\S+)\s+(.+)$/.exec(value.trim());
  if (!match) throw incomplete();
  const [, algorithm = '', rest = ''] = match;
  if (algorithm !== ACS3_HMAC_SHA256) throw alibabaError('InvalidSignatureMethod', `Specified signature method is not valid: only ${ACS3_HMAC_SHA256} is served.`);
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) throw incomplete();
    fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders')?.split(';');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature || signedHeaders.some((name) => !HEADER_NAME.test(name)) || !V3_SIGNATURE.test(signature)) {
    throw incomplete();
  }
  return { accessKeyId, signedHeaders, signature };
}

function incomplete() {
  return alibabaError(
    'IncompleteSignature',
    `The request signature does not conform to Aliyun standards: Authorization must be "${ACS3_HMAC_SHA256} Credential=…,SignedHeaders=…,Signature=<64 hex digits>".`,
  );
}
