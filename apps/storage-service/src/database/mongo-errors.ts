import { TransientError } from '@certhub/messaging';

// How the MongoDB driver's errors are told apart, for every store in this service.

interface DuplicateKeyError {
  readonly code: 11000;
  readonly keyPattern?: Record<string, unknown>;
}

export function isDuplicateKeyError(error: unknown): error is DuplicateKeyError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** Which unique index a duplicate-key error came from, by its first key field. */
export function duplicateKeyField(error: DuplicateKeyError): string | undefined {
  return Object.keys(error.keyPattern ?? {}).find((field) => field !== 'tenantId');
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
