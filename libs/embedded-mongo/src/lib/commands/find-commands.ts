import { CommandError } from '../storage/command-error';
import type { CommandHandler } from './command-context';
import { projectDocs, rejectCollation, selectDocs } from './query-engine';

/** `find`: the whole result is computed now; the cursor hands it out in batches (101 first, by default). */
const find: CommandHandler = (request, { catalog, cursors }) => {
  rejectCollation(request.body);
  const filter = request.doc('filter') ?? {};
  const limit = request.number('limit') ?? 0;
  const skip = request.number('skip') ?? 0;
  if (skip < 0) throw new CommandError(2, 'skip value must be non-negative');
  const collection = catalog.collection(request.db, request.collectionName);
  const docs = selectDocs(collection, filter, { sort: request.doc('sort'), skip, limit: Math.abs(limit) });
  const output = projectDocs(docs, request.doc('projection'), filter);
  const batchSize = request.number('batchSize');
  if (batchSize !== undefined && batchSize < 0) throw new CommandError(2, 'batchSize value must be non-negative');
  // A negative limit is the legacy spelling of "limit, single batch".
  const singleBatch = request.bool('singleBatch', false) || limit < 0;
  return cursors.firstBatch(request.ns, output, batchSize, singleBatch);
};

const getMore: CommandHandler = (request, { cursors }) => {
  const collection = request.body['collection'];
  if (typeof collection !== 'string') throw new CommandError(14, "getMore requires a 'collection' string");
  return cursors.nextBatch(request.body['getMore'], `${request.db}.${collection}`, request.number('batchSize'));
};

const killCursors: CommandHandler = (request, { cursors }) => {
  const ids = request.body['cursors'];
  if (!Array.isArray(ids)) throw new CommandError(14, "killCursors requires a 'cursors' array");
  const { killed, notFound } = cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

export const FIND_COMMANDS: Record<string, CommandHandler> = { find, getMore, killCursors };
