/**
 * The one catalogue of error codes. Events carry the code; each HTTP dialect maps it to its own documented
 * error body and status (see apps/api-gateway/src/<dialect>/*-errors.ts).
 */
export type ErrorCategory =
  | 'invalid_input'
  | 'conflict'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'unavailable'
  | 'internal';

export interface ErrorDefinition {
  readonly category: ErrorCategory;
  readonly message: string;
}

export const ErrorCatalogue = {
  INVALID_EVENT: { category: 'invalid_input', message: 'The event payload does not match the contract.' },
  INVALID_REQUEST: { category: 'invalid_input', message: 'The request is malformed.' },
  CERT_PARSE_FAILED: { category: 'invalid_input', message: 'The certificate could not be parsed.' },
  CERT_EXPIRED: { category: 'invalid_input', message: 'The certificate has expired.' },
  CERT_NOT_YET_VALID: { category: 'invalid_input', message: 'The certificate is not valid yet.' },
  CERT_UNSUPPORTED_KEY: { category: 'invalid_input', message: 'The certificate public key type or size is not supported.' },
  KEY_PARSE_FAILED: { category: 'invalid_input', message: 'The private key could not be parsed.' },
  KEY_ENCRYPTED: { category: 'invalid_input', message: 'The private key is encrypted; upload it without a password.' },
  KEY_MISMATCH: { category: 'invalid_input', message: 'The private key does not match the certificate.' },
  CHAIN_PARSE_FAILED: { category: 'invalid_input', message: 'The certificate chain could not be parsed.' },
  CHAIN_ORDER_INVALID: { category: 'invalid_input', message: 'The certificate chain is in the wrong order.' },
  CHAIN_BROKEN: { category: 'invalid_input', message: 'A certificate in the chain is not issued by the next one.' },
  NAME_CONFLICT: { category: 'conflict', message: 'A certificate with this name already exists.' },
  IDEMPOTENCY_KEY_REUSED: { category: 'conflict', message: 'The request id was already used for a different request.' },
  NOT_FOUND: { category: 'not_found', message: 'The certificate does not exist.' },
  UNAUTHENTICATED: { category: 'unauthenticated', message: 'The credentials are missing or invalid.' },
  FORBIDDEN: { category: 'forbidden', message: 'The credentials do not grant access to this tenant.' },
  UNAVAILABLE: { category: 'unavailable', message: 'The service is temporarily unavailable; retry with the same request id.' },
  INTERNAL: { category: 'internal', message: 'Internal error.' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ErrorCatalogue;

export const ERROR_CODES = Object.keys(ErrorCatalogue) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCatalogue, value);
}
