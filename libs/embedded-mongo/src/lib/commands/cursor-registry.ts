import { calculateObjectSize, Long } from 'bson';
import { randomInt } from 'node:crypto';
import type { BsonDoc } from '../bson/bson-values';
import { CommandError } from '../storage/command-error';

const DEFAULT_FIRST_BATCH = 101;
/** A batch stops growing at 16 MiB of documents so a reply stays under maxMessageSizeBytes. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** mongod's cursorTimeoutMillis. */
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  readonly ns: string;
  readonly docs: readonly BsonDoc[];
  position: number;
  lastUsed: number;
}

/**
 * Server-side cursors. Results are computed when the cursor opens and handed out in batches, so a cursor
 * does not see writes made after it opened (a real cursor may). A cursor is forgotten when exhausted,
 * killed, or idle for 10 minutes.
 */
export class CursorRegistry {
  private readonly open = new Map<number, OpenCursor>();
  // Ids stay below 2^53 so they survive the plain (JS number) view of getMore/killCursors commands.
  private nextId = randomInt(1, 2 ** 40);

  get size(): number {
    return this.open.size;
  }

  /** Reply of find/aggregate/listIndexes/listCollections: the first batch and, if more remains, a cursor. */
  firstBatch(ns: string, docs: readonly BsonDoc[], batchSize?: number, singleBatch = false): BsonDoc {
    this.sweep();
    const take = countForBatch(docs, 0, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = 0;
    if (take < docs.length && !singleBatch) {
      id = this.nextId++;
      this.open.set(id, { ns, docs, position: take, lastUsed: Date.now() });
    }
    return { cursor: { firstBatch: docs.slice(0, take), id: Long.fromNumber(id), ns }, ok: 1 };
  }

  nextBatch(id: unknown, ns: string, batchSize?: number): BsonDoc {
    const cursor = typeof id === 'number' ? this.open.get(id) : undefined;
    if (!cursor) throw new CommandError(43, `cursor id ${String(id)} not found`);
    if (cursor.ns !== ns) {
      throw new CommandError(13, `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`);
    }
    const take = countForBatch(cursor.docs, cursor.position, batchSize && batchSize > 0 ? batchSize : Infinity);
    const batch = cursor.docs.slice(cursor.position, cursor.position + take);
    cursor.position += take;
    cursor.lastUsed = Date.now();
    const exhausted = cursor.position >= cursor.docs.length;
    if (exhausted) this.open.delete(id as number);
    return { cursor: { nextBatch: batch, id: Long.fromNumber(exhausted ? 0 : (id as number)), ns }, ok: 1 };
  }

  kill(ids: readonly unknown[]): { killed: unknown[]; notFound: unknown[] } {
    const killed: unknown[] = [];
    const notFound: unknown[] = [];
    for (const id of ids) {
      if (typeof id === 'number' && this.open.delete(id)) killed.push(Long.fromNumber(id));
      else notFound.push(typeof id === 'number' ? Long.fromNumber(id) : id);
    }
    return { killed, notFound };
  }

  private sweep(): void {
    const cutoff = Date.now() - IDLE_TIMEOUT_MS;
    for (const [id, cursor] of this.open) if (cursor.lastUsed < cutoff) this.open.delete(id);
  }
}

function countForBatch(docs: readonly BsonDoc[], start: number, max: number): number {
  let count = 0;
  let bytes = 0;
  while (start + count < docs.length && count < max) {
    bytes += calculateObjectSize(docs[start + count]);
    if (count > 0 && bytes > MAX_BATCH_BYTES) break;
    count += 1;
  }
  return count;
}
