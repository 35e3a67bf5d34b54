import { isPlainObject, toPlainDoc, type BsonDoc } from '../bson/bson-values';
import { CommandError, toCommandError } from '../storage/command-error';
import type { CommandHandler } from './command-context';
import { rejectCollation, selectDocs } from './query-engine';

/** `delete`: each statement removes its first match (`limit: 1`) or all of them (`limit: 0`). */
const deleteCommand: CommandHandler = (request, { catalog }) => {
  const statements = request.typedArray('deletes');
  const ordered = request.bool('ordered', true);
  const collection = catalog.collection(request.db, request.collectionName);
  let n = 0;
  const writeErrors: BsonDoc[] = [];
  for (let index = 0; index < statements.length; index += 1) {
    try {
      const statement = statements[index];
      if (!isPlainObject(statement)) throw new CommandError(14, 'Each delete statement must be an object');
      const plain = toPlainDoc(statement);
      rejectCollation(plain);
      const filter = isPlainObject(plain['q']) ? plain['q'] : {};
      const limit = plain['limit'];
      if (limit !== 0 && limit !== 1) throw new CommandError(9, 'The limit field in delete objects must be 0 or 1');
      for (const doc of selectDocs(collection, filter, { limit })) {
        collection?.remove(doc);
        n += 1;
      }
    } catch (error) {
      writeErrors.push(toCommandError(error).toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors.length > 0 ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
};

export const DELETE_COMMANDS: Record<string, CommandHandler> = { delete: deleteCommand };
