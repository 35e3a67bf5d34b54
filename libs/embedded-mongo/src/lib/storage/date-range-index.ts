import type { BsonDoc } from '../bson/bson-values';
import { valuesAtPath } from '../bson/document-paths';

/** A date range as a query states it: each end in milliseconds, open or closed, or absent. */
export interface DateBounds {
  readonly low?: { readonly at: number; readonly inclusive: boolean };
  readonly high?: { readonly at: number; readonly inclusive: boolean };
}

interface Entry {
  readonly at: number;
  readonly id: string;
}

/**
 * The ordered part of an index whose first field holds dates: every document listed under each Date it has
 * at that field, sorted by time, so a date range on the field finds its documents by binary search instead of
 * a collection scan (how mongod uses `{notAfter: 1}` for `notAfter: {$lte: …}`).
 *
 * A date range (mingo's `$gt`/`$lte`/…, like MongoDB's) matches a document only through a Date at that path,
 * or in an array there: other types, null and missing fields never match, so leaving them out loses nothing.
 * The one case the entries cannot answer is a nested array (`f: [[date]]`): such documents are kept aside as
 * candidates of every range, so the caller's filter still decides for them. (BSON dates are whole
 * milliseconds, never NaN, so every Date has its place in the order.)
 */
export class DateRangeIndex {
  private readonly entries: Entry[] = [];
  private readonly unlisted = new Set<string>();

  constructor(readonly field: string) {}

  add(doc: BsonDoc, id: string): void {
    const { dates, unlistable } = this.keysOf(doc);
    if (unlistable) this.unlisted.add(id);
    for (const at of dates) this.entries.splice(this.position({ at, id }), 0, { at, id });
  }

  /** Undoes `add` for the same document (the same plain value, so the same keys). */
  remove(doc: BsonDoc, id: string): void {
    const { dates } = this.keysOf(doc);
    this.unlisted.delete(id);
    for (const at of dates) {
      const index = this.position({ at, id });
      const found = this.entries[index];
      if (found && found.at === at && found.id === id) this.entries.splice(index, 1);
    }
  }

  /** `_id` keys (StoredDoc.id) of the documents the range can match, in date order, each once. */
  candidates(bounds: DateBounds): string[] {
    const { low, high } = bounds;
    let index = low ? this.position({ at: low.at, id: '' }) : 0;
    const ids = new Set<string>();
    for (; index < this.entries.length; index += 1) {
      const entry = this.entries[index];
      if (high && (entry.at > high.at || (entry.at === high.at && !high.inclusive))) break;
      if (low && entry.at === low.at && !low.inclusive) continue;
      ids.add(entry.id);
    }
    for (const id of this.unlisted) ids.add(id);
    return [...ids];
  }

  /** Its dates (each once), and whether a range could match it in a way the entries cannot show. */
  private keysOf(doc: BsonDoc): { dates: number[]; unlistable: boolean } {
    const { values } = valuesAtPath(doc, this.field);
    const dates = new Set<number>();
    let unlistable = false;
    for (const value of values) {
      if (Array.isArray(value)) unlistable = true;
      else if (value instanceof Date) dates.add(value.getTime());
    }
    return { dates: [...dates], unlistable };
  }

  /** The first index whose entry is not before `probe`, ordered by time, then `_id` key. */
  private position(probe: Entry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const entry = this.entries[middle];
      if (entry.at < probe.at || (entry.at === probe.at && entry.id < probe.id)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
