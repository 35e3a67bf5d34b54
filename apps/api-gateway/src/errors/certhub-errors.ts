import { ErrorCatalogue, type ErrorCategory } from '@certhub/contracts';
import type { ErrorRenderer } from './error-renderer';

export const STATUS_BY_CATEGORY: Readonly<Record<ErrorCategory, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
  unavailable: 503,
};

/** For paths outside the four dialects (health, docs): a plain `{code, message, requestId}`. */
export const renderCerthubError: ErrorRenderer = (error, _request, requestId) => ({
  status: error.httpStatus ?? STATUS_BY_CATEGORY[ErrorCatalogue[error.code].category],
  body: { code: error.code, message: error.message, requestId },
});
