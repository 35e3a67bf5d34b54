import { TransientError } from '@certhub/messaging';
import { MongoBulkWriteError, MongoServerError, type Collection, type Document, type WriteConcernSettings } from 'mongodb';

interface PendingInsert {
  readonly document: Document;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** At most this many documents in one `insert` command; MongoDB's own limit is 100,000 and 48 MB. */
const MAX_BATCH = 128;

/**
 * Inserts into one collection from concurrent commands, sent together: while one `insert` command is on its
 * way, the documents that arrive wait and go in the next one (group commit). A single command in flight waits
 * for nothing extra; 64 concurrent imports share a round trip, the database's parse and reply, and their
 * socket writes, which on a 2-core machine cost more CPU than the insert itself (docs/scaling.md).
 *
 * Each document is answered as if inserted alone: the command is unordered, so a duplicate key fails only its
 * own insert, with a MongoServerError of the same code and message (not keyPattern: the driver's bulk result
 * drops it, so callers tell the refusing index from the data). A write concern error
 * or a failed command fails every document of the batch; retried later, each insert is idempotent for its
 * caller as before (unique indexes decide).
 */
export class InsertBatcher {
  private waiting: PendingInsert[] = [];
  private sending = false;

  constructor(
    private readonly collection: Collection,
    private readonly writeConcern: WriteConcernSettings,
  ) {}

  insert(document: Document): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ document, resolve, reject });
      if (!this.sending) void this.sendWaiting();
    });
  }

  private async sendWaiting(): Promise<void> {
    this.sending = true;
    try {
      while (this.waiting.length > 0) await this.send(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.sending = false;
    }
  }

  private async send(batch: readonly PendingInsert[]): Promise<void> {
    try {
      await this.collection.insertMany(
        batch.map((pending) => pending.document),
        { ordered: false, writeConcern: this.writeConcern },
      );
      for (const pending of batch) pending.resolve();
    } catch (error) {
      settleEach(batch, error);
    }
  }
}

function settleEach(batch: readonly PendingInsert[], error: unknown): void {
  if (!(error instanceof MongoBulkWriteError) || error.result?.getWriteConcernError()) {
    const failure = error instanceof MongoBulkWriteError ? new TransientError(`insert not acknowledged as required: ${error.message}`, { cause: error }) : error;
    for (const pending of batch) pending.reject(failure);
    return;
  }
  const failed = new Map((Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors]).map((writeError) => [writeError.index, writeError]));
  if (failed.size === 0) {
    // A bulk error that names no document and no write concern: nothing tells which inserts took, so none is answered as done.
    for (const pending of batch) pending.reject(error);
    return;
  }
  batch.forEach((pending, index) => {
    const writeError = failed.get(index);
    if (writeError) pending.reject(new MongoServerError({ ...writeError.err, message: writeError.errmsg ?? 'write failed' }));
    else pending.resolve();
  });
}
