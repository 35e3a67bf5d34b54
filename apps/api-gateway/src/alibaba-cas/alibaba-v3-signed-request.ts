import type { Request } from 'express';
import { signaturesEqual } from '../auth/constant-time';
import { rawBodyOf, sha256Hex } from '../auth/raw-body';
import { queryPairsOf, rawPathOf } from '../auth/rfc3986';
import { alibabaError } from './alibaba-error-codes';
import { MAX_NONCE_LENGTH } from './alibaba-signed-parameters';
import type { SignedRequest } from './alibaba-signed-request';
import { parseTimestamp } from './alibaba-timestamp';
import { readV3Authorization } from './alibaba-v3-authorization';
import { requiredHeader } from './alibaba-v3-headers';
import { v3CanonicalRequest, v3Signature, v3StringToSign } from './alibaba-v3-signature';

/** Headers every v3 request carries and must sign: the document requires every common header but Authorization. */
const ALWAYS_SIGNED = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

/**
 * A signature v3 request as a SignedRequest. The date and nonce travel in x-acs-date and x-acs-signature-nonce
 * (the v1 Timestamp and SignatureNonce, same rules); the body is bound by x-acs-content-sha256, which must be
 * the SHA-256 of the bytes received. Every x-acs-* header sent, host, and content-type when there is one must
 * be among the signed headers, so no part of the request that certhub reads can be changed after signing.
 */
export function readV3SignedRequest(request: Request): SignedRequest {
  const authorization = readV3Authorization(request.header('authorization'));
  const nonce = requiredHeader(request, 'x-acs-signature-nonce', 'MissingSignatureNonce');
  if (nonce.length > MAX_NONCE_LENGTH) throw alibabaError('InvalidSignatureNonce', `x-acs-signature-nonce may be at most ${MAX_NONCE_LENGTH} characters.`);
  const timestamp = parseTimestamp(requiredHeader(request, 'x-acs-date', 'MissingTimestamp'));
  const mustSign = [...ALWAYS_SIGNED, ...Object.keys(request.headers).filter((name) => name.startsWith('x-acs-') || name === 'content-type')];
  const unsigned = mustSign.find((name) => !authorization.signedHeaders.includes(name));
  if (unsigned !== undefined) throw alibabaError('IncompleteSignature', `The header ${unsigned} must be signed (listed in SignedHeaders).`);
  const signedHeaders = authorization.signedHeaders.map((name): [string, string] => {
    const value = request.header(name);
    if (value === undefined) throw alibabaError('IncompleteSignature', `The signed header ${name} is missing.`);
    return [name, value];
  });
  const payloadHash = payloadHashOf(request);
  const url = request.originalUrl ?? request.url;
  const canonical = v3CanonicalRequest({ method: request.method, rawPath: rawPathOf(url), query: queryPairsOf(url), signedHeaders, payloadHash });
  return {
    accessKeyId: authorization.accessKeyId,
    nonce,
    timestamp,
    signedWith: (secret) => signaturesEqual(authorization.signature, v3Signature(secret, v3StringToSign(canonical))),
  };
}

/** The body's SHA-256, which x-acs-content-sha256 must declare. */
function payloadHashOf(request: Request): string {
  const body = rawBodyOf(request);
  if (body === null) throw alibabaError('InvalidParameter', 'The request body cannot be read: send parameters in the query or as a form.');
  const payloadHash = sha256Hex(body);
  if (request.header('x-acs-content-sha256') !== payloadHash) {
    throw alibabaError('SignatureDoesNotMatch', 'x-acs-content-sha256 is not the SHA-256 of the request body.');
  }
  return payloadHash;
}
