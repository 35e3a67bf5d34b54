import type { ErrorCode } from '@certhub/contracts';
import type { ErrorRenderer } from '../errors/error-renderer';
import { statusOf, type AlibabaCodeName } from './alibaba-error-codes';
import { renderAlibabaError } from './alibaba-response-body';
import { responseFormatOf } from './alibaba-response-format';

/**
 * Catalogue codes (parser and storage verdicts, body-parser and routing failures) in Alibaba's terms.
 * Errors raised by this dialect's own checks already carry their Alibaba code (DialectError).
 */
const CODE_OF: Readonly<Record<ErrorCode, AlibabaCodeName>> = {
  INVALID_REQUEST: 'InvalidParameter',
  INVALID_EVENT: 'InvalidParameter',
  CERT_PARSE_FAILED: 'ParseCertificateFailed',
  CERT_UNSUPPORTED_KEY: 'ParseCertificateFailed',
  CHAIN_PARSE_FAILED: 'ParseCertificateFailed',
  CHAIN_ORDER_INVALID: 'CertificateChainNotMatch',
  CHAIN_BROKEN: 'CertificateChainNotMatch',
  CERT_EXPIRED: 'CertificateExpired',
  CERT_NOT_YET_VALID: 'CertificateNotYetValid',
  KEY_PARSE_FAILED: 'ParsePrivateKeyFailed',
  KEY_ENCRYPTED: 'ParsePrivateKeyFailed',
  KEY_MISMATCH: 'CertificateKeyNotMatch',
  NAME_CONFLICT: 'NameRepeat',
  IDEMPOTENCY_KEY_REUSED: 'IdempotentParameterMismatch',
  NOT_FOUND: 'InvalidAction.NotFound',
  UNAUTHENTICATED: 'InvalidAccessKeyId.NotFound',
  FORBIDDEN: 'Forbidden',
  UNAVAILABLE: 'ServiceUnavailable',
  INTERNAL: 'InternalError',
};

/** Alibaba's error body (RequestId, HostId, Code, Message, Recommend) in the Format the request asked for. */
export const renderAlibabaCasError: ErrorRenderer = (error, request, requestId) => {
  const code = error.dialectCode ?? CODE_OF[error.code];
  // A status decided by the HTTP layer (413 body too large, 404 no route) stays; otherwise the code's own.
  const status = error.httpStatus ?? statusOf(code);
  return renderAlibabaError(responseFormatOf(request), status, {
    RequestId: requestId,
    HostId: hostIdOf(request.headers.host),
    Code: code,
    Message: error.message,
    Recommend: `See the ${code} row of certhub's docs/dialects/alibaba-cas.md.`,
  });
};

/** Alibaba names the endpoint that answered; certhub names the Host it was reached by, if it looks like one. */
export function hostIdOf(host: string | undefined): string {
  return host && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? host : 'certhub';
}
