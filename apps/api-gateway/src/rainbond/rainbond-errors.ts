import type { ErrorCode } from '@certhub/contracts';
import type { ErrorRenderer } from '../errors/error-renderer';

interface RainbondError {
  readonly status: number;
  /** Rainbond's English `msg`, followed by certhub's explanation. */
  readonly msg: string;
  /** Rainbond's Chinese `msg_show`, as its console displays it. */
  readonly msgShow: string;
}

/** Messages as rainbond-console's domain service raises them (see docs/dialects/rainbond.md). */
export const RAINBOND_ERRORS: Readonly<Record<ErrorCode, RainbondError>> = {
  INVALID_REQUEST: { status: 400, msg: 'invalid parameters', msgShow: '参数错误' },
  INVALID_EVENT: { status: 400, msg: 'invalid parameters', msgShow: '参数错误' },
  CERT_PARSE_FAILED: { status: 400, msg: 'the certificate is invalid', msgShow: '无效证书' },
  CERT_UNSUPPORTED_KEY: { status: 400, msg: 'the certificate is invalid', msgShow: '无效证书' },
  CHAIN_PARSE_FAILED: { status: 400, msg: 'the certificate is invalid', msgShow: '无效证书' },
  CHAIN_ORDER_INVALID: { status: 400, msg: 'the certificate is invalid', msgShow: '无效证书' },
  CHAIN_BROKEN: { status: 400, msg: 'the certificate is invalid', msgShow: '无效证书' },
  CERT_EXPIRED: { status: 400, msg: 'the certificate has been expired', msgShow: '证书已过期' },
  CERT_NOT_YET_VALID: { status: 400, msg: 'the certificate is not yet valid', msgShow: '证书尚未生效' },
  KEY_PARSE_FAILED: { status: 400, msg: 'the private key is invalid', msgShow: '无效私钥' },
  KEY_ENCRYPTED: { status: 400, msg: 'the private key is invalid', msgShow: '无效私钥' },
  KEY_MISMATCH: { status: 400, msg: 'the certificate key pair mismatch', msgShow: '证书密钥对不匹配' },
  NAME_CONFLICT: { status: 412, msg: 'certificate name already exists', msgShow: '证书别名已存在' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, msg: 'idempotency key already used', msgShow: '请求标识已被使用' },
  NOT_FOUND: { status: 404, msg: 'certificate not found', msgShow: '证书不存在' },
  UNAUTHENTICATED: { status: 401, msg: 'authentication failed', msgShow: '认证失败' },
  FORBIDDEN: { status: 403, msg: 'no permission for this team', msgShow: '没有权限' },
  UNAVAILABLE: { status: 503, msg: 'service unavailable', msgShow: '服务暂不可用' },
  INTERNAL: { status: 500, msg: 'internal error', msgShow: '系统错误' },
};

/** Rainbond's business error body: `{code, msg, msg_show, data: {bean, list}}` with the HTTP status as code. */
export const renderRainbondError: ErrorRenderer = (error) => {
  const known = RAINBOND_ERRORS[error.code];
  const status = error.httpStatus ?? known.status;
  return {
    status,
    body: { code: status, msg: `${known.msg}: ${error.message}`, msg_show: known.msgShow, data: { bean: {}, list: [] } },
  };
};
