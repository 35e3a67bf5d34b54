import type { ErrorCode } from '@certhub/contracts';
import type { ErrorRenderer } from '../errors/error-renderer';

interface ScmError {
  readonly status: number;
  readonly code: string;
  /** The documented error_msg; certhub's explanation follows it. */
  readonly message: string;
}

/** error_msg is at most 1024 characters (huawei-scm-import-certificate.txt). */
export const SCM_ERROR_MSG_MAX = 1024;

const INVALID: ScmError = { status: 400, code: 'SCM.0005', message: 'Incorrect request parameter.' };
const CHAIN_MISMATCH: ScmError = {
  status: 400,
  code: 'SCM.0079',
  message: 'The subject of the CA certificate does not match the issuer of the certificate.',
};

/**
 * SCM.00xx codes and messages are Huawei's (SCM error code table, CCM upload FAQ); APIG.xxxx are what Huawei's
 * API gateway in front of every service answers for tokens, unknown APIs and oversized bodies; SCM.9xxx are
 * certhub's own where Huawei documents none. Sources per code: docs/dialects/huawei-scm.md.
 */
export const SCM_ERRORS: Readonly<Record<ErrorCode, ScmError>> = {
  INVALID_REQUEST: INVALID,
  INVALID_EVENT: INVALID,
  CERT_PARSE_FAILED: {
    status: 400,
    code: 'SCM.0006',
    message: 'The uploaded certificate failed to be resolved. Ensure that the uploaded certificate has been issued.',
  },
  CERT_EXPIRED: { status: 400, code: 'SCM.9001', message: 'The certificate has expired.' },
  CERT_NOT_YET_VALID: { status: 400, code: 'SCM.9002', message: 'The certificate is not yet valid.' },
  CERT_UNSUPPORTED_KEY: { status: 400, code: 'SCM.9003', message: 'The key algorithm of the certificate is not supported.' },
  KEY_PARSE_FAILED: {
    status: 400,
    code: 'SCM.0012',
    message: 'The uploaded private key failed to be resolved. Ensure that the certificate has been issued.',
  },
  KEY_ENCRYPTED: { status: 400, code: 'SCM.9004', message: 'The private key is protected by a password.' },
  KEY_MISMATCH: { status: 400, code: 'SCM.0014', message: 'The uploaded certificate does not match the private key.' },
  CHAIN_PARSE_FAILED: {
    status: 400,
    code: 'SCM.0013',
    message: 'The uploaded certificate chain failed to be resolved. Ensure that the certificate has been issued.',
  },
  CHAIN_ORDER_INVALID: CHAIN_MISMATCH,
  CHAIN_BROKEN: CHAIN_MISMATCH,
  NAME_CONFLICT: { status: 409, code: 'SCM.9005', message: 'A certificate with this name already exists in the project.' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, code: 'SCM.9006', message: 'The Idempotency-Key was already used for a different request.' },
  NOT_FOUND: { status: 404, code: 'APIG.0101', message: 'The API does not exist or has not been published in the environment.' },
  UNAUTHENTICATED: { status: 401, code: 'APIG.0301', message: 'Incorrect IAM authentication information:' },
  FORBIDDEN: { status: 403, code: 'SCM.0003', message: 'Tenant has no privilege.' },
  UNAVAILABLE: { status: 503, code: 'SCM.9503', message: 'The service is temporarily unavailable.' },
  INTERNAL: { status: 500, code: 'SCM.9500', message: 'System error.' },
};

/** Body-parser's 413 is answered as Huawei's gateway answers it. */
export const ENTITY_TOO_LARGE: ScmError = { status: 413, code: 'APIG.0201', message: 'Request entity too large.' };

/** SCM's error body: `{"error_code": "SCM.xxxx", "error_msg": "..."}`. */
export const renderHuaweiScmError: ErrorRenderer = (error) => {
  const known = error.httpStatus === 413 ? ENTITY_TOO_LARGE : SCM_ERRORS[error.code];
  const detail = error.message.trim();
  // AK/SK failures arrive already worded as Huawei's gateway words them ("Incorrect IAM authentication information: …").
  const message = detail === '' || detail === known.message ? known.message : detail.startsWith(known.message) ? detail : `${known.message} ${detail}`;
  return {
    status: error.httpStatus ?? known.status,
    body: { error_code: error.dialectCode ?? known.code, error_msg: truncate(message, SCM_ERROR_MSG_MAX) },
  };
};

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
