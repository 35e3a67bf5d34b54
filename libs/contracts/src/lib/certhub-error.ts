import { ErrorCatalogue, type ErrorCode } from './error-codes';

/** The domain error: a catalogued code plus a message written for the person who sent the input. */
export class CerthubError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string = ErrorCatalogue[code].message,
  ) {
    super(message);
    this.name = 'CerthubError';
  }
}
