import { TransientError } from '@certhub/messaging';
import { MongoBulkWriteError, MongoServerError, type WriteError } from 'mongodb';

/**
 * The write errors of an unordered bulk write, by the index of the statement each belongs to; null when the
 * error does not say which statements failed (a command that failed as a whole, or a write concern not met),
 * so that no statement of the batch may be answered as done.
 */
export function statementErrors(error: unknown): Map<number, WriteError> | null {
  if (!(error instanceof MongoBulkWriteError) || error.result?.getWriteConcernError()) return null;
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const byIndex = new Map(errors.map((writeError) => [writeError.index, writeError]));
  return byIndex.size > 0 ? byIndex : null;
}

/** One statement's failure as the driver reports a single write's: code and message (keyPattern is not kept). */
export function statementFailure(writeError: WriteError): MongoServerError {
  return new MongoServerError({ ...writeError.err, message: writeError.errmsg ?? 'write failed' });
}

/** What every statement of a batch fails with when the batch's error names none of them. */
export function batchFailure(error: unknown): unknown {
  return error instanceof MongoBulkWriteError ? new TransientError(`write not acknowledged as required: ${error.message}`, { cause: error }) : error;
}
