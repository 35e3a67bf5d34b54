import type { Collection, Document, UpdateFilter } from 'mongodb';
import { answerFailedBatch } from './bulk-write-errors';
import { GroupCommit } from './group-commit';

/** At most this many statements in one `update` command. */
const MAX_BATCH = 128;

/**
 * What a batched update can say of its own statement. MongoDB answers an `update` command with totals only,
 * so a statement is known to have changed a document only when every statement of its batch did; otherwise
 * the caller must tell from the data (OutcomeStore.settle reads who recorded the decision).
 */
export type BatchedUpdate = 'modified' | 'unknown';

interface UpdateStatement {
  readonly filter: Document;
  readonly update: UpdateFilter<Document>;
}

/**
 * Single-document updates of one collection from concurrent commands, sent together as one unordered
 * `update` command (group-commit.ts), with the connection's write concern. A statement's own error fails it
 * alone; a write concern error or a failed command fails them all.
 */
export class UpdateBatcher {
  private readonly batches: GroupCommit<UpdateStatement, BatchedUpdate>;

  constructor(collection: Collection) {
    this.batches = new GroupCommit(async (batch) => {
      try {
        const result = await collection.bulkWrite(
          batch.map(({ request }) => ({ updateOne: { filter: request.filter, update: request.update } })),
          { ordered: false },
        );
        const answer: BatchedUpdate = result.modifiedCount === batch.length ? 'modified' : 'unknown';
        for (const pending of batch) pending.resolve(answer);
      } catch (error) {
        answerFailedBatch(batch, error, 'unknown');
      }
    }, MAX_BATCH);
  }

  updateOne(filter: Document, update: UpdateFilter<Document>): Promise<BatchedUpdate> {
    return this.batches.submit({ filter, update });
  }
}
