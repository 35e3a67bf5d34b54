import { Aggregator, ProcessingMode } from 'mingo';
import { clonePlain, isPlainObject, toPlain, type BsonDoc } from '../bson/bson-values';
import { MISSING, valuesAtPath } from '../bson/document-paths';
import { encodeKey } from '../bson/key-encoding';
import { CommandError } from '../storage/command-error';
import { MINGO_OPTIONS } from '../storage/mingo-options';
import type { CommandHandler } from './command-context';
import { rejectCollation, selectDocs } from './query-engine';

/** Stages that write or need server internals; mingo would "run" some of them against nothing. */
const UNSUPPORTED_STAGES = new Set(['$out', '$merge', '$changeStream', '$currentOp', '$listSessions', '$collStats', '$indexStats', '$search']);

/**
 * `aggregate` over the plain documents, by mingo (its operators, its semantics). A leading `$match` is
 * applied first without copying; the rest runs on copies so no stage can alter stored documents. Results
 * are computed values: numbers come back as Int32/Double by value.
 */
const aggregate: CommandHandler = (request, { catalog, cursors }) => {
  rejectCollation(request.body);
  if (request.body['explain']) throw new CommandError(115, 'embedded-mongo does not support explain');
  const target = request.body['aggregate'];
  if (typeof target !== 'string') throw new CommandError(115, 'embedded-mongo supports only collection aggregations');
  const pipeline = request.body['pipeline'];
  if (!Array.isArray(pipeline) || !pipeline.every(isPlainObject)) throw new CommandError(14, "'pipeline' must be an array of objects");
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (UNSUPPORTED_STAGES.has(name)) throw new CommandError(115, `embedded-mongo does not support the ${name} stage`);
  }
  const [first, ...rest] = pipeline;
  const leadingMatch = first && isPlainObject(first['$match']) ? first['$match'] : undefined;
  const collection = catalog.collection(request.db, target);
  const input = selectDocs(collection, leadingMatch ?? {}).map((doc) => doc.plain);
  const stages = leadingMatch ? rest : pipeline;
  const aggregator = new Aggregator(stages, {
    ...MINGO_OPTIONS,
    processingMode: ProcessingMode.CLONE_INPUT,
    // CLONE_INPUT covers `input` only: documents joined in ($lookup, $unionWith) are copied here, so no later
    // stage can change a stored document in place (its plain view is usually its typed one too).
    collectionResolver: (name: string) => selectDocs(catalog.collection(request.db, name), {}).map((doc) => clonePlain(doc.plain)),
  });
  const results = aggregator.run(input) as BsonDoc[];
  const cursor = request.doc('cursor');
  const batchSize = cursor?.['batchSize'];
  return cursors.firstBatch(`${request.db}.${target}`, results, typeof batchSize === 'number' ? batchSize : undefined);
};

/** `count` (estimatedDocumentCount and legacy count); countDocuments is an aggregate. */
const count: CommandHandler = (request, { catalog }) => {
  rejectCollation(request.body);
  const collection = catalog.collection(request.db, request.collectionName);
  const query = request.doc('query') ?? {};
  const limit = Math.abs(request.number('limit') ?? 0);
  const skip = request.number('skip') ?? 0;
  if (Object.keys(query).length === 0 && limit === 0 && skip === 0) return { n: collection?.count ?? 0, ok: 1 };
  return { n: selectDocs(collection, query, { skip, limit }).length, ok: 1 };
};

/** `distinct`: array values count element by element; values come back with their stored types. */
const distinct: CommandHandler = (request, { catalog }) => {
  rejectCollation(request.body);
  const key = request.body['key'];
  if (typeof key !== 'string' || key.length === 0) throw new CommandError(14, "distinct requires a 'key' string");
  const collection = catalog.collection(request.db, request.collectionName);
  const seen = new Map<string, unknown>();
  for (const doc of selectDocs(collection, request.doc('query') ?? {})) {
    for (const value of valuesAtPath(doc.typed, key).values) {
      // MISSING: no such field; undefined: an empty array, which has no values to list.
      if (value === MISSING || value === undefined) continue;
      const id = encodeKey(toPlain(value));
      if (!seen.has(id)) seen.set(id, value);
    }
  }
  return { values: [...seen.values()], ok: 1 };
};

export const AGGREGATE_COMMANDS: Record<string, CommandHandler> = { aggregate, count, distinct };
