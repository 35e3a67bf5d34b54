import { calculateObjectSize } from 'bson';
import type { BsonDoc } from '../bson/bson-values';
import { assertCollectionName, assertDatabaseName } from '../storage/catalog';
import type { Collection } from '../storage/collection';
import { CommandError } from '../storage/command-error';
import { ID_INDEX } from '../storage/index-definition';
import { mingoQuery } from '../storage/mingo-query';
import type { CommandHandler } from './command-context';
import { GENERIC_FIELDS } from './generic-fields';
import { rejectCollation } from './query-engine';

/** Collection options that would change behaviour we do not implement: refused rather than ignored. */
const UNSUPPORTED_COLLECTION_OPTIONS = [
  'capped', 'timeseries', 'viewOn', 'pipeline', 'validator', 'validationLevel', 'validationAction',
  'clusteredIndex', 'changeStreamPreAndPostImages', 'encryptedFields', 'expireAfterSeconds',
];

const listDatabases: CommandHandler = (request, { catalog }) => {
  const nameOnly = request.bool('nameOnly', false);
  let databases: BsonDoc[] = catalog.databaseNames().map((name) => {
    if (nameOnly) return { name };
    const sizeOnDisk = catalog.collections(name).reduce((sum, coll) => sum + collectionBytes(coll), 0);
    return { name, sizeOnDisk, empty: sizeOnDisk === 0 };
  });
  const filter = request.doc('filter');
  if (filter) databases = mingoQuery(filter).find<BsonDoc>(databases).all();
  if (nameOnly) return { databases, ok: 1 };
  const totalSize = databases.reduce((sum, db) => sum + Number(db['sizeOnDisk']), 0);
  return { databases, totalSize, totalSizeMb: Math.floor(totalSize / (1024 * 1024)), ok: 1 };
};

const dropDatabase: CommandHandler = (request, { catalog }) => {
  catalog.dropDatabase(request.db);
  return { dropped: request.db, ok: 1 };
};

const listCollections: CommandHandler = (request, { catalog, cursors }) => {
  const nameOnly = request.bool('nameOnly', false);
  let entries: BsonDoc[] = catalog.collections(request.db).map((coll) =>
    nameOnly
      ? { name: coll.name, type: 'collection' }
      : { name: coll.name, type: 'collection', options: coll.options, info: { readOnly: false, uuid: coll.uuid }, idIndex: ID_INDEX.spec },
  );
  const filter = request.doc('filter');
  if (filter) entries = mingoQuery(filter).find<BsonDoc>(entries).all();
  const batchSize = request.doc('cursor')?.['batchSize'];
  return cursors.firstBatch(`${request.db}.$cmd.listCollections`, entries, typeof batchSize === 'number' ? batchSize : undefined);
};

const create: CommandHandler = (request, { catalog }) => {
  rejectCollation(request.body);
  const options: BsonDoc = {};
  for (const [field, value] of Object.entries(request.typed)) {
    if (field === 'create' || GENERIC_FIELDS.has(field)) continue;
    if (UNSUPPORTED_COLLECTION_OPTIONS.includes(field)) {
      throw new CommandError(115, `embedded-mongo does not support the collection option '${field}'`);
    }
    options[field] = value;
  }
  catalog.createCollection(request.db, request.collectionName, options);
  return { ok: 1 };
};

/** Since MongoDB 7.0, dropping a collection that does not exist succeeds. */
const drop: CommandHandler = (request, { catalog }) => {
  assertDatabaseName(request.db);
  assertCollectionName(request.collectionName);
  const dropped = catalog.dropCollection(request.db, request.collectionName);
  return dropped ? { nIndexesWas: dropped.indexList().length, ns: dropped.ns, ok: 1 } : { ok: 1 };
};

function collectionBytes(collection: Collection): number {
  let bytes = 0;
  for (const doc of collection.documents()) bytes += calculateObjectSize(doc.typed);
  return bytes;
}

export const DATABASE_COMMANDS: Record<string, CommandHandler> = {
  listDatabases,
  dropDatabase,
  listCollections,
  create,
  drop,
};
