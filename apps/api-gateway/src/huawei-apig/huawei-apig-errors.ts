import type { ErrorCode } from '@certhub/contracts';
import type { ErrorRenderer } from '../errors/error-renderer';

interface ApigError {
  readonly status: number;
  readonly errorCode: string;
  /** Huawei's English description of the code, without the trailing period, as its example bodies print it. */
  readonly message: string;
  /** Whether certhub's explanation follows Huawei's message; never for internal failures (they must not leak). */
  readonly withDetail: boolean;
}

const apig = (status: number, errorCode: string, message: string, withDetail = true): ApigError => ({ status, errorCode, message, withDetail });

const INVALID_CERTIFICATE = apig(400, 'APIG.2106', 'Invalid certificate or private key');
const CHAIN_NOT_MATCHED = apig(400, 'APIG.2104', 'The certificate chain is not matched');
const PARAMETER_ERROR = apig(400, 'APIG.2000', 'Parameter error');

/**
 * Codes and messages from Huawei's APIG error-code table (docs/dialects/huawei-apig.md says where each one comes
 * from). Parameter problems usually arrive as a DialectError that already names its APIG.20xx code.
 */
export const APIG_ERRORS: Readonly<Record<ErrorCode, ApigError>> = {
  INVALID_REQUEST: PARAMETER_ERROR,
  INVALID_EVENT: PARAMETER_ERROR,
  CERT_PARSE_FAILED: INVALID_CERTIFICATE,
  CERT_UNSUPPORTED_KEY: INVALID_CERTIFICATE,
  CERT_NOT_YET_VALID: INVALID_CERTIFICATE,
  KEY_PARSE_FAILED: INVALID_CERTIFICATE,
  CHAIN_PARSE_FAILED: INVALID_CERTIFICATE,
  CERT_EXPIRED: apig(400, 'APIG.2102', 'The certificate has expired'),
  KEY_ENCRYPTED: apig(400, 'APIG.2105', 'Encrypted private keys are not supported'),
  KEY_MISMATCH: apig(400, 'APIG.2101', 'The certificate and private key do not match'),
  CHAIN_ORDER_INVALID: CHAIN_NOT_MATCHED,
  CHAIN_BROKEN: CHAIN_NOT_MATCHED,
  // No Huawei code for a duplicate certificate name was found: certhub's own, in the 32xx "name already exists" family.
  NAME_CONFLICT: apig(400, 'APIG.3299', 'The SSL certificate name already exists'),
  // The Idempotency-Key header is certhub's; APIG.2012 is the "matched a rule it must not match" parameter code.
  IDEMPOTENCY_KEY_REUSED: apig(409, 'APIG.2012', 'Invalid parameter value,parameterName:Idempotency-Key'),
  NOT_FOUND: apig(404, 'APIG.9996', 'The request URL does not exist'),
  UNAUTHENTICATED: apig(401, 'APIG.1002', 'Incorrect token or token resolution failed', false),
  FORBIDDEN: apig(403, 'APIG.1005', 'No permissions to request this method', false),
  UNAVAILABLE: apig(503, 'APIG.9992', 'Service unavailable'),
  INTERNAL: apig(500, 'APIG.9999', 'System error', false),
};

/** Huawei's error body: `{"error_code": "APIG.xxxx", "error_msg": "..."}`. */
export const renderHuaweiApigError: ErrorRenderer = (error) => {
  const known = APIG_ERRORS[error.code];
  const status = error.httpStatus ?? known.status;
  if (error.dialectCode) return { status, body: { error_code: error.dialectCode, error_msg: error.message } };
  const errorMsg = known.withDetail ? `${known.message}. ${error.message}` : known.message;
  return { status, body: { error_code: known.errorCode, error_msg: errorMsg } };
};
