import type { W } from 'mongodb';
import type { Connection, SaveOptions } from 'mongoose';

/** A write concern as mongoose's save and query options both take it. */
export interface DeferredJournalConcern {
  readonly w?: W;
  readonly wtimeout?: number;
  readonly j: false;
}

/**
 * The write concern of a write that a later write of the same command makes durable: the command's recorded
 * outcome, which is always journaled and is written before the command is answered or acknowledged. A
 * journal is written in order, so once that write is on disk every earlier one is too. Not waiting for the
 * journal here saves a disk flush per write on the way to the answer. Only `j` changes: `w` (majority on a
 * replica set) stays as the connection has it, so no write is acknowledged by fewer members than configured.
 */
export function journaledByNextWrite(owner: { readonly db: Connection }): SaveOptions & { readonly writeConcern: DeferredJournalConcern } {
  const inherited = owner.db.getClient().writeConcern;
  return {
    // Not as `j` beside the options: mongoose passes that on, and the driver reads only `writeConcern`.
    writeConcern: {
      ...(inherited?.w !== undefined && { w: inherited.w }),
      ...(inherited?.wtimeoutMS !== undefined && { wtimeout: inherited.wtimeoutMS }),
      j: false,
    },
  };
}
