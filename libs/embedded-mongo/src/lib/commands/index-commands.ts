import { isPlainObject, toPlain } from '../bson/bson-values';
import { encodeKey } from '../bson/key-encoding';
import { formatShell } from '../bson/shell-format';
import { assertCollectionName, assertDatabaseName } from '../storage/catalog';
import type { Collection } from '../storage/collection';
import { CommandError } from '../storage/command-error';
import { ID_INDEX, parseIndexSpec, sameIndexOptions, sameKeyPattern, type IndexDefinition } from '../storage/index-definition';
import type { CommandHandler } from './command-context';

const createIndexes: CommandHandler = (request, { catalog }) => {
  const requested = request.typedArray('indexes');
  if (requested.length === 0) throw new CommandError(2, 'Must specify at least one index to create');
  // Every specification is validated before anything is created.
  const definitions = requested.map(parseIndexSpec);
  assertDatabaseName(request.db);
  assertCollectionName(request.collectionName);
  const { collection, created } = catalog.ensureCollection(request.db, request.collectionName);
  const numIndexesBefore = collection.indexList().length;
  let added = 0;
  for (const definition of definitions) {
    if (alreadyExists(collection, definition)) continue;
    collection.addIndex(definition);
    added += 1;
  }
  const reply = { numIndexesBefore, numIndexesAfter: collection.indexList().length, createdCollectionAutomatically: created };
  return added === 0 ? { ...reply, note: 'all indexes already exist', ok: 1 } : { ...reply, ok: 1 };
};

/** mongod's rules: same name and same index is a no-op; any other overlap is an error. */
function alreadyExists(collection: Collection, requested: IndexDefinition): boolean {
  for (const existing of collection.indexList()) {
    const describe = () => `Requested index: ${formatShell(requested.spec)}, existing index: ${formatShell(existing.spec)}`;
    if (existing.name === requested.name) {
      if (!sameKeyPattern(existing, requested)) {
        throw new CommandError(86, `An existing index has the same name as the requested index. When index names are ` +
          `not specified, they are auto generated and can cause conflicts. Please refer to our documentation. ${describe()}`);
      }
      if (!sameIndexOptions(existing, requested)) {
        throw new CommandError(85, `An equivalent index already exists with the same name but different options. ${describe()}`);
      }
      return true;
    }
    const samePartial = encodeKey(existing.partialFilter ?? null) === encodeKey(requested.partialFilter ?? null);
    if (sameKeyPattern(existing, requested) && samePartial) {
      throw new CommandError(85, `Index already exists with a different name: ${existing.name}`);
    }
  }
  return false;
}

const listIndexes: CommandHandler = (request, { catalog, cursors }) => {
  const collection = catalog.collection(request.db, request.collectionName);
  if (!collection) throw new CommandError(26, `ns does not exist: ${request.ns}`);
  const batchSize = request.doc('cursor')?.['batchSize'];
  const specs = collection.indexList().map((index) => index.spec);
  return cursors.firstBatch(request.ns, specs, typeof batchSize === 'number' ? batchSize : undefined);
};

const dropIndexes: CommandHandler = (request, { catalog }) => {
  const collection = catalog.collection(request.db, request.collectionName);
  if (!collection) throw new CommandError(26, `ns not found ${request.ns}`);
  const nIndexesWas = collection.indexList().length;
  for (const name of indexesToDrop(collection, request.typed['index'])) collection.dropIndex(name);
  return { nIndexesWas, ok: 1 };
};

function indexesToDrop(collection: Collection, target: unknown): string[] {
  const indexes = collection.indexList();
  if (target === '*') return indexes.filter((index) => index !== ID_INDEX).map((index) => index.name);
  const names: string[] = [];
  for (const one of Array.isArray(target) ? target : [target]) {
    let found: IndexDefinition | undefined;
    if (typeof one === 'string') {
      found = indexes.find((index) => index.name === one);
      if (!found) throw new CommandError(27, `index not found with name [${one}]`);
    } else if (isPlainObject(one)) {
      const wanted = encodeKey(toPlain(one));
      found = indexes.find((index) => encodeKey(toPlain(index.spec['key'])) === wanted);
      if (!found) throw new CommandError(27, `can't find index with key: ${formatShell(toPlain(one))}`);
    } else {
      throw new CommandError(14, "The 'index' field must be a string, an object or an array of strings");
    }
    if (found === ID_INDEX) throw new CommandError(72, 'cannot drop _id index');
    names.push(found.name);
  }
  return names;
}

export const INDEX_COMMANDS: Record<string, CommandHandler> = { createIndexes, listIndexes, dropIndexes };
