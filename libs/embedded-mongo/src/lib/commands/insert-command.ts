import { ObjectId } from 'bson';
import { isPlainObject, withIdFirst, type BsonDoc } from '../bson/bson-values';
import { assertCollectionName, assertDatabaseName } from '../storage/catalog';
import { CommandError, toCommandError } from '../storage/command-error';
import type { CommandHandler } from './command-context';

/**
 * `insert`: each document in turn; a failed one becomes a write error. Ordered inserts stop at the first
 * failure, unordered ones carry on, as in MongoDB.
 */
const insert: CommandHandler = (request, { catalog }) => {
  assertDatabaseName(request.db);
  assertCollectionName(request.collectionName);
  const documents = request.typedArray('documents');
  const ordered = request.bool('ordered', true);
  const { collection } = catalog.ensureCollection(request.db, request.collectionName);
  let n = 0;
  const writeErrors: BsonDoc[] = [];
  for (let index = 0; index < documents.length; index += 1) {
    try {
      collection.insert(prepare(documents[index]));
      n += 1;
    } catch (error) {
      writeErrors.push(toCommandError(error).toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors.length > 0 ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
};

/** `_id` first; an ObjectId only when the client sent none (drivers normally set it themselves). */
function prepare(doc: unknown): BsonDoc {
  if (!isPlainObject(doc)) throw new CommandError(14, 'Each document to insert must be an object');
  const id = doc['_id'];
  if (id === undefined) return { _id: new ObjectId(), ...doc };
  if (Array.isArray(id)) throw new CommandError(53, "The '_id' value cannot be of type array");
  if (id instanceof RegExp) throw new CommandError(53, "The '_id' value cannot be of type regex");
  return withIdFirst(doc);
}

export const INSERT_COMMANDS: Record<string, CommandHandler> = { insert };
