import { isPlainObject, toPlainDoc, type BsonDoc } from '../bson/bson-values';
import { assertCollectionName, assertDatabaseName } from '../storage/catalog';
import { CommandError, toCommandError } from '../storage/command-error';
import type { CommandContext, CommandHandler } from './command-context';
import type { CommandRequest } from './command-request';
import { rejectCollation, selectDocs } from './query-engine';
import { applyUpdate, parseUpdate, upsertDocument } from './update-engine';

interface Tally {
  n: number;
  nModified: number;
  upserted?: unknown;
}

/** `update`: statements in order; counts survive a statement that fails half-way, as in MongoDB. */
const update: CommandHandler = (request, context) => {
  assertDatabaseName(request.db);
  assertCollectionName(request.collectionName);
  const statements = request.typedArray('updates');
  const ordered = request.bool('ordered', true);
  let n = 0;
  let nModified = 0;
  const upserted: BsonDoc[] = [];
  const writeErrors: BsonDoc[] = [];
  for (let index = 0; index < statements.length; index += 1) {
    const tally: Tally = { n: 0, nModified: 0 };
    try {
      runStatement(request, context, statements[index], tally);
    } catch (error) {
      writeErrors.push(toCommandError(error).toWriteError(index));
    }
    n += tally.n;
    nModified += tally.nModified;
    if (tally.upserted !== undefined) upserted.push({ index, _id: tally.upserted });
    if (ordered && writeErrors.length > 0) break;
  }
  return {
    n,
    nModified,
    ...(upserted.length > 0 ? { upserted } : {}),
    ...(writeErrors.length > 0 ? { writeErrors } : {}),
    ok: 1,
  };
};

function runStatement(request: CommandRequest, { catalog }: CommandContext, statement: unknown, tally: Tally): void {
  if (!isPlainObject(statement)) throw new CommandError(14, 'Each update statement must be an object');
  const plain = toPlainDoc(statement);
  rejectCollation(plain);
  const filterTyped = isPlainObject(statement['q']) ? statement['q'] : {};
  const filter = toPlainDoc(filterTyped);
  const parsed = parseUpdate(statement['u']);
  const multi = Boolean(plain['multi']);
  if (multi && parsed.kind === 'replacement') throw new CommandError(9, 'multi update is not supported for replacement-style update');
  const arrayFilters = Array.isArray(plain['arrayFilters']) ? (plain['arrayFilters'] as BsonDoc[]) : undefined;
  const sort = isPlainObject(plain['sort']) ? plain['sort'] : undefined;
  const collection = catalog.collection(request.db, request.collectionName);
  const matched = selectDocs(collection, filter, { limit: multi ? 0 : 1, sort });
  if (matched.length === 0) {
    if (!plain['upsert']) return;
    const doc = upsertDocument(filterTyped, parsed, arrayFilters);
    catalog.ensureCollection(request.db, request.collectionName).collection.insert(doc);
    tally.n += 1;
    tally.upserted = doc['_id'];
    return;
  }
  for (const current of matched) {
    const next = applyUpdate(current, parsed, { filter, arrayFilters, isInsert: false });
    if (next && collection) {
      collection.replace(current, next);
      tally.nModified += 1;
    }
    tally.n += 1;
  }
}

export const UPDATE_COMMANDS: Record<string, CommandHandler> = { update };
