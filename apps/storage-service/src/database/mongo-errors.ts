import { TransientError } from '@certhub/messaging';

// How the MongoDB driver's errors are told apart, for every store in this service.

/** The server error codes this service tells apart (mongod's error_codes.yml). */
export const MongoErrorCodes = {
  indexNotFound: 27,
  /** The index exists with other options, e.g. another TTL. */
  indexOptionsConflict: 85,
  duplicateKey: 11000,
} as const;

/** Whether a server error carries this code. */
export function hasMongoErrorCode(error: unknown, code: number): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export function isDuplicateKeyError(error: unknown): error is { readonly code: typeof MongoErrorCodes.duplicateKey } {
  return hasMongoErrorCode(error, MongoErrorCodes.duplicateKey);
}

const TRANSIENT_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoWriteConcernError',
]);

/**
 * Database outages become TransientError, so the message is retried until the database is back instead of
 * being dead-lettered; anything else is rethrown as it is.
 */
export function rethrowAsTransient(error: unknown): never {
  if (error instanceof Error) {
    const labelled = (error as { hasErrorLabel?: (label: string) => boolean }).hasErrorLabel;
    const disconnected = /not connected|connection .* closed|buffering timed out|Client must be connected/i.test(error.message);
    if (TRANSIENT_ERROR_NAMES.has(error.name) || disconnected || labelled?.call(error, 'RetryableWriteError')) {
      throw new TransientError(`database unavailable: ${error.message}`, { cause: error });
    }
  }
  throw error;
}
