import { updateOne } from 'mingo';
import { updateOne as updateOneWithoutContext } from 'mingo/updater';
import { clonePlain, type BsonDoc } from '../bson/bson-values';
import { MINGO_OPTIONS } from './mingo-options';

export type MingoModifier = Parameters<typeof updateOne>[2];
export type MingoUpdateConfig = NonNullable<Parameters<typeof updateOne>[3]>;

/**
 * A copy of `doc` (plain) with `modifier` applied when `doc` matches `condition`, as mingo's updateOne
 * makes it; undefined when that changes nothing.
 *
 * mingo's updateOne copies every operator table for each call, then copies the expression, query and
 * pipeline tables again as it adds the operators updates rely on: most of an update's CPU. The same function
 * from 'mingo/updater', given no context, starts from empty tables and adds only those (query operators,
 * boolean and comparison expressions, the six update-pipeline stages), with the same functions. An
 * operator-style update looks operators up only to compile its filter, array filters and $pull conditions,
 * and there a missing one always throws (no fallback as $project has), so it either runs exactly as it would
 * on the full tables or throws; on any throw it is run again by mingo's default path, whose result or error
 * is then the answer. Pipeline-style updates go to the default path directly: their stages need every table.
 */
export function mingoUpdate(doc: BsonDoc, condition: BsonDoc, modifier: MingoModifier, config: MingoUpdateConfig): BsonDoc | undefined {
  if (!Array.isArray(modifier)) {
    try {
      return onCopy(doc, (working) => updateOneWithoutContext(working, condition, modifier, config, MINGO_OPTIONS));
    } catch {
      // An operator these tables lack ($expr's arithmetic, say), or the client's mistake: the default path
      // below tells which, on a fresh copy, since the failed run may have changed its own part-way.
    }
  }
  return onCopy(doc, (working) => updateOne(working, condition, modifier, config, MINGO_OPTIONS));
}

function onCopy(doc: BsonDoc, update: (working: BsonDoc[]) => { readonly modifiedCount: number }): BsonDoc | undefined {
  const working = [clonePlain(doc)];
  return update(working).modifiedCount === 0 ? undefined : working[0];
}
