import { CerthubError, type ErrorCode } from '@certhub/contracts';

/**
 * A CerthubError that also names the dialect's own error code (e.g. APIG.2001, SCM.0005, MissingParameter)
 * and, where the dialect documents one, its HTTP status. The catalogue code still decides the category;
 * the dialect's renderer prefers `dialectCode` when present.
 */
export class DialectError extends CerthubError {
  constructor(
    code: ErrorCode,
    message: string,
    public readonly dialectCode: string,
    public readonly httpStatus?: number,
  ) {
    super(code, message);
    this.name = 'DialectError';
  }
}
