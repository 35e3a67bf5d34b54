import type { ErrorCode } from '@certhub/contracts';
import { DialectError } from '../errors/dialect-error';

interface AlibabaCode {
  readonly status: number;
  /** The catalogue code whose category the error belongs to (for logs and the shared filter). */
  readonly catalogue: ErrorCode;
  /** Alibaba's wording where it is documented; certhub's otherwise (see docs/dialects/alibaba-cas.md). */
  readonly message: string;
}

/** Every code this dialect answers with, its HTTP status and default message. */
export const ALIBABA_CODES = {
  // Alibaba's API gateway (POP) common errors.
  InvalidParameter: { status: 400, catalogue: 'INVALID_REQUEST', message: 'The specified parameter is not valid.' },
  'InvalidParameter.Format': { status: 400, catalogue: 'INVALID_REQUEST', message: 'Specified parameter format is not valid.' },
  InvalidVersion: { status: 400, catalogue: 'INVALID_REQUEST', message: 'Specified parameter Version is not valid.' },
  'InvalidAction.NotFound': { status: 404, catalogue: 'NOT_FOUND', message: 'Specified api is not found, please check your url and method.' },
  'InvalidAccessKeyId.NotFound': { status: 404, catalogue: 'UNAUTHENTICATED', message: 'Specified access key is not found.' },
  IncompleteSignature: { status: 400, catalogue: 'UNAUTHENTICATED', message: 'The request signature does not conform to Aliyun standards.' },
  SignatureDoesNotMatch: { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified signature is not matched with our calculation.' },
  InvalidSignatureMethod: { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified signature method is not valid.' },
  InvalidSignatureVersion: { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified signature version is not valid.' },
  InvalidSignatureNonce: { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified parameter SignatureNonce is not valid.' },
  SignatureNonceUsed: { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified signature nonce was used already.' },
  'InvalidTimeStamp.Format': { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified time stamp or date value is expired.' },
  'Throttling.User': { status: 400, catalogue: 'UNAVAILABLE', message: 'Request was denied due to user flow control.' },
  Throttling: { status: 400, catalogue: 'UNAVAILABLE', message: 'Request was denied due to request throttling.' },
  'InvalidSecurityToken.MismatchWithAccessKey': { status: 400, catalogue: 'UNAUTHENTICATED', message: 'Specified SecurityToken mismatch with the AccessKey.' },
  Forbidden: { status: 403, catalogue: 'FORBIDDEN', message: 'User not authorized to operate on the specified resource.' },
  ServiceUnavailable: { status: 503, catalogue: 'UNAVAILABLE', message: 'The request has failed due to a temporary failure of the server.' },
  InternalError: { status: 500, catalogue: 'INTERNAL', message: 'The request processing has failed due to some unknown error, exception or failure.' },
  // Certificate Management Service (CAS) errors.
  NameRepeat: { status: 400, catalogue: 'NAME_CONFLICT', message: 'The name is repeated, please enter another one.' },
  ParseCertificateFailed: { status: 400, catalogue: 'CERT_PARSE_FAILED', message: 'Failed to parse the certificate, please check its content.' },
  CertificateExpired: { status: 400, catalogue: 'CERT_EXPIRED', message: 'The certificate has expired.' },
  CertificateChainNotMatch: { status: 400, catalogue: 'CHAIN_BROKEN', message: 'The certificate chain does not match.' },
  // Chosen by certhub: CAS documents no code for these situations.
  CertificateNotYetValid: { status: 400, catalogue: 'CERT_NOT_YET_VALID', message: 'The certificate is not valid yet.' },
  ParsePrivateKeyFailed: { status: 400, catalogue: 'KEY_PARSE_FAILED', message: 'Failed to parse the private key, please check its content.' },
  CertificateKeyNotMatch: { status: 400, catalogue: 'KEY_MISMATCH', message: 'The certificate and the private key do not match.' },
  IdempotentParameterMismatch: { status: 400, catalogue: 'IDEMPOTENCY_KEY_REUSED', message: 'The Idempotency-Key was already used with different parameters.' },
} as const satisfies Record<string, AlibabaCode>;

export type AlibabaCodeName = keyof typeof ALIBABA_CODES | `Missing${string}`;

/** The HTTP status of a code; every Missing{Parameter} code is a 400, as Alibaba documents it. */
export function statusOf(code: string): number {
  return (ALIBABA_CODES as Record<string, AlibabaCode>)[code]?.status ?? 400;
}

/** An error rendered with Alibaba's code; the message defaults to Alibaba's (or certhub's) wording. */
export function alibabaError(code: AlibabaCodeName, message?: string): DialectError {
  const known = (ALIBABA_CODES as Record<string, AlibabaCode | undefined>)[code];
  return new DialectError(known?.catalogue ?? 'INVALID_REQUEST', message ?? known?.message ?? '', code, known?.status ?? 400);
}

/** Missing{Parameter}: the form Alibaba's gateway uses for a required parameter that was not sent. */
export function missingParameter(name: string): DialectError {
  return alibabaError(`Missing${name}`, `${name} is mandatory for this action.`);
}
