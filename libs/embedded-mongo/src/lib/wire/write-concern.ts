import { isPlainObject, type BsonDoc } from '../bson/bson-values';

/**
 * Whether a write's acknowledgement waits for the journal, as MongoDB decides it from the command's
 * `writeConcern`: unless `j: false` (or `w: 0`) is asked for, it does. A client that asks for `j: false`
 * still gets durability for it from any later journaled write: the journal is written in order, so a write
 * on disk means every write applied before it is on disk too.
 */
export function waitsForJournal(command: BsonDoc): boolean {
  const concern = command['writeConcern'];
  if (!isPlainObject(concern)) return true;
  if (concern['j'] === false) return false;
  const w = concern['w'];
  return !(w !== undefined && w !== null && typeof w !== 'string' && Number(w.valueOf()) === 0);
}
