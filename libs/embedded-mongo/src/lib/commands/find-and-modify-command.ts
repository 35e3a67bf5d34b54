import { isPlainObject, toPlainDoc, type BsonDoc } from '../bson/bson-values';
import { assertCollectionName, assertDatabaseName } from '../storage/catalog';
import { toStored } from '../storage/stored-doc';
import { CommandError } from '../storage/command-error';
import type { CommandHandler } from './command-context';
import { projectDocs, rejectCollation, selectDocs } from './query-engine';
import { applyUpdate, parseUpdate, upsertDocument } from './update-engine';

/**
 * `findAndModify`: find one (by `sort`), then update or remove it, in one synchronous step. That is what
 * makes `$inc` counters with upsert safe under concurrency. A duplicate key here fails the whole command
 * (ok: 0, code 11000), unlike in `update` where it is a write error.
 */
const findAndModify: CommandHandler = (request, { catalog }) => {
  assertDatabaseName(request.db);
  assertCollectionName(request.collectionName);
  rejectCollation(request.body);
  const filterTyped = isPlainObject(request.typed['query']) ? request.typed['query'] : {};
  const filter = toPlainDoc(filterTyped);
  const remove = request.bool('remove', false);
  const hasUpdate = request.typed['update'] !== undefined && request.typed['update'] !== null;
  if (remove === hasUpdate) throw new CommandError(9, 'Either an update or remove=true must be specified');
  const returnNew = request.bool('new', false);
  if (remove && (returnNew || request.bool('upsert', false))) {
    throw new CommandError(9, 'Cannot specify both remove=true and new=true or upsert=true');
  }
  const fields = request.doc('fields');
  const collection = catalog.collection(request.db, request.collectionName);
  const [current] = selectDocs(collection, filter, { sort: request.doc('sort'), limit: 1 });
  const shown = (doc: BsonDoc): BsonDoc => projectDocs([toStored(doc)], fields, {})[0];

  if (remove) {
    if (!current || !collection) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    collection.remove(current);
    return { lastErrorObject: { n: 1 }, value: shown(current.typed), ok: 1 };
  }
  const parsed = parseUpdate(request.typed['update']);
  const arrayFilters = Array.isArray(request.body['arrayFilters']) ? (request.body['arrayFilters'] as BsonDoc[]) : undefined;
  if (current && collection) {
    const next = applyUpdate(current, parsed, { filter, arrayFilters, isInsert: false });
    const after = next ? collection.replace(current, next).typed : current.typed;
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: shown(returnNew ? after : current.typed), ok: 1 };
  }
  if (!request.bool('upsert', false)) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  const doc = upsertDocument(filterTyped, parsed, arrayFilters);
  catalog.ensureCollection(request.db, request.collectionName).collection.insert(doc);
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted: doc['_id'] },
    value: returnNew ? shown(doc) : null,
    ok: 1,
  };
};

export const FIND_AND_MODIFY_COMMANDS: Record<string, CommandHandler> = {
  findAndModify,
  findandmodify: findAndModify,
};
