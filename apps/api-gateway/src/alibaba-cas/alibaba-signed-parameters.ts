import { required } from './alibaba-api';
import { alibabaError } from './alibaba-error-codes';
import type { AlibabaParameters } from './alibaba-parameters';
import { isWellFormedSignature, sign, signatureMatches, stringToSign } from './alibaba-signature';
import type { SignedRequest } from './alibaba-signed-request';
import { parseTimestamp } from './alibaba-timestamp';

/** Long enough for any SDK's nonce (UUIDs, 32-hex), short enough to keep the replay cache small. */
export const MAX_NONCE_LENGTH = 128;

export interface SignedParameters {
  readonly accessKeyId: string;
  readonly signature: string;
  readonly nonce: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
}

/**
 * The common parameters of signature v1. SignatureMethod and SignatureVersion may be left out (Alibaba
 * defaults them to the only values it supports); if sent, they must be exactly HMAC-SHA1 and 1.0.
 */
export function readSignedParameters(parameters: AlibabaParameters): SignedParameters {
  const method = parameters.get('SignatureMethod');
  if (method !== undefined && method !== 'HMAC-SHA1') throw alibabaError('InvalidSignatureMethod');
  const version = parameters.get('SignatureVersion');
  if (version !== undefined && version !== '1.0') throw alibabaError('InvalidSignatureVersion');
  const accessKeyId = required(parameters, 'AccessKeyId');
  const nonce = required(parameters, 'SignatureNonce');
  if (nonce.length > MAX_NONCE_LENGTH) throw alibabaError('InvalidSignatureNonce', `SignatureNonce may be at most ${MAX_NONCE_LENGTH} characters.`);
  const timestamp = parseTimestamp(required(parameters, 'Timestamp'));
  const signature = required(parameters, 'Signature');
  if (!isWellFormedSignature(signature)) throw alibabaError('IncompleteSignature');
  return { accessKeyId, signature, nonce, timestamp };
}

/** A v1 request as a SignedRequest: HMAC-SHA1 over the HTTP method and every parameter but Signature. */
export function readV1SignedRequest(httpMethod: string, parameters: AlibabaParameters): SignedRequest {
  const signed = readSignedParameters(parameters);
  return {
    accessKeyId: signed.accessKeyId,
    nonce: signed.nonce,
    timestamp: signed.timestamp,
    signedWith: (secret) => signatureMatches(signed.signature, sign(stringToSign(httpMethod, parameters), secret)),
  };
}
