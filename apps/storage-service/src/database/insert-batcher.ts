import type { Collection, Document, WriteConcernSettings } from 'mongodb';
import { answerFailedBatch } from './bulk-write-errors';
import { GroupCommit } from './group-commit';

/** At most this many documents in one `insert` command; MongoDB's own limit is 100,000 and 48 MB. */
const MAX_BATCH = 128;

/**
 * Inserts into one collection from concurrent commands, sent together (group-commit.ts): 64 concurrent
 * imports share a round trip, the database's parse and reply, and their socket writes, which on a 2-core
 * machine cost more CPU than the insert itself (docs/scaling.md).
 *
 * Each document is answered as if inserted alone: the command is unordered, so a duplicate key fails only its
 * own insert, with a MongoServerError of the same code and message (not keyPattern: the driver's bulk result
 * drops it, so callers tell the refusing index from the data). A write concern error or a failed command
 * fails every document of the batch; retried later, each insert is idempotent for its caller as before
 * (unique indexes decide).
 */
export class InsertBatcher {
  private readonly batches: GroupCommit<Document, void>;

  constructor(collection: Collection, writeConcern: WriteConcernSettings) {
    this.batches = new GroupCommit(async (batch) => {
      try {
        await collection.insertMany(batch.map((pending) => pending.request), { ordered: false, writeConcern });
        for (const pending of batch) pending.resolve();
      } catch (error) {
        answerFailedBatch(batch, error, undefined);
      }
    }, MAX_BATCH);
  }

  insert(document: Document): Promise<void> {
    return this.batches.submit(document);
  }
}
