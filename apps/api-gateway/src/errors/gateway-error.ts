import { CerthubError, type ErrorCode } from '@certhub/contracts';
import { HttpException, HttpStatus } from '@nestjs/common';
import { DialectError } from './dialect-error';

/** Any exception reduced to what a dialect needs to render it: a catalogued code and a message. */
export interface GatewayError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Set when the HTTP layer already decided a more precise status (413, 404 route, 405 …). */
  readonly httpStatus?: number;
  /** The dialect's own code, when the dialect's validation already chose one (see DialectError). */
  readonly dialectCode?: string;
}

export function toGatewayError(exception: unknown): GatewayError {
  if (exception instanceof DialectError) {
    return { code: exception.code, message: exception.message, dialectCode: exception.dialectCode, httpStatus: exception.httpStatus };
  }
  if (exception instanceof CerthubError) return { code: exception.code, message: exception.message };
  if (exception instanceof HttpException) return fromHttpException(exception);
  // body-parser's own errors (http-errors with `expose` and a 4xx `status`: body too large, bad charset)
  // reach the filter unwrapped, Nest wraps only its SyntaxError.
  if (isClientHttpError(exception)) return fromHttpException(new HttpException(exception.message, exception.status));
  return { code: 'INTERNAL', message: 'Internal error.' };
}

function isClientHttpError(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error)) return false;
  const { expose, status } = error as Error & { expose?: unknown; status?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

function fromHttpException(exception: HttpException): GatewayError {
  const status = exception.getStatus();
  const body = exception.getResponse() as { message?: unknown } | string;
  switch (status) {
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return { code: 'INVALID_REQUEST', message: 'The request body is too large.', httpStatus: status };
    case HttpStatus.NOT_FOUND:
      return { code: 'NOT_FOUND', message: 'No such resource.', httpStatus: status };
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      // body-parser's 415 (a Content-Encoding it cannot inflate, a form in another charset): no dialect documents
      // 415, each answers a body it cannot read with its parameter 400.
      return { code: 'INVALID_REQUEST', message: 'The request body cannot be read: unsupported charset or content encoding.' };
    default:
      if (status >= 500) return { code: 'INTERNAL', message: 'Internal error.' };
      return { code: 'INVALID_REQUEST', message: describeBadRequest(body) };
  }
}

/** body-parser's messages quote the offending input; say what is wrong without echoing the body. */
function describeBadRequest(body: { message?: unknown } | string): string {
  const text = typeof body === 'string' ? body : typeof body.message === 'string' ? body.message : '';
  if (/JSON|Unexpected token|Unexpected end|position \d+/i.test(text)) return 'The request body is not valid JSON.';
  if (/charset|encoding/i.test(text)) return 'The request body is not valid UTF-8.';
  return 'The request is malformed.';
}
