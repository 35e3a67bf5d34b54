import { TransientError } from '@certhub/messaging';
import { MongoBulkWriteError, MongoServerError, type WriteError } from 'mongodb';
import type { Pending } from './group-commit';

/**
 * Answers each statement of a batch whose unordered bulk write threw. A statement the error names fails
 * alone, with that statement's failure as the driver reports a single write's (code and message; keyPattern
 * is not kept). The others get `untouched`: they were applied as far as the error tells. When the error names
 * no statement (a command that failed as a whole, a write concern not met), every statement fails, so none
 * is answered as done.
 */
export function answerFailedBatch<Request, Result>(batch: readonly Pending<Request, Result>[], error: unknown, untouched: Result): void {
  const failed = statementErrors(error);
  batch.forEach((pending, index) => {
    const writeError = failed?.get(index);
    if (!failed) pending.reject(batchFailure(error));
    else if (writeError) pending.reject(new MongoServerError({ ...writeError.err, message: writeError.errmsg ?? 'write failed' }));
    else pending.resolve(untouched);
  });
}

/** The write errors of a bulk write by statement index; null when the error does not say which failed. */
function statementErrors(error: unknown): Map<number, WriteError> | null {
  if (!(error instanceof MongoBulkWriteError) || error.result?.getWriteConcernError()) return null;
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const byIndex = new Map(errors.map((writeError) => [writeError.index, writeError]));
  return byIndex.size > 0 ? byIndex : null;
}

function batchFailure(error: unknown): unknown {
  return error instanceof MongoBulkWriteError ? new TransientError(`write not acknowledged as required: ${error.message}`, { cause: error }) : error;
}
