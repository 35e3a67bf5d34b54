import { isPlainObject, type BsonDoc } from '../bson/bson-values';
import type { Catalog } from './catalog';
import { ID_INDEX, parseIndexSpec } from './index-definition';

/**
 * Applies one journal or snapshot record. Every record overwrites state (a document, an index, a
 * collection) or removes it, so replaying a record twice is harmless.
 */
export function applyRecord(catalog: Catalog, record: BsonDoc): void {
  const db = String(record['db']);
  const coll = String(record['coll']);
  switch (record['op']) {
    case 'createCollection':
      catalog.restoreCollection(db, coll, isPlainObject(record['options']) ? record['options'] : {});
      return;
    case 'dropCollection':
      catalog.restoreDropCollection(db, coll);
      return;
    case 'dropDatabase':
      catalog.restoreDropDatabase(db);
      return;
    case 'createIndex':
      // Also what collMod journals: an index of that name is replaced in place by the new spec.
      catalog.restoreCollection(db, coll, {}).restoreIndex(parseIndexSpec(record['spec']));
      return;
    case 'dropIndex':
      catalog.collection(db, coll)?.restoreDropIndex(String(record['name']));
      return;
    case 'put':
      if (isPlainObject(record['doc'])) catalog.restoreCollection(db, coll, {}).restorePut(record['doc']);
      return;
    case 'delete':
      catalog.collection(db, coll)?.restoreDelete(record['id']);
      return;
    default:
      throw new Error(`unknown journal record op ${JSON.stringify(record['op'])}`);
  }
}

/** The whole catalog as records that `applyRecord` turns back into it: the snapshot's content. */
export function* catalogRecords(catalog: Catalog): Generator<BsonDoc> {
  for (const db of catalog.databaseNames()) {
    for (const collection of catalog.collections(db)) {
      const base = { db, coll: collection.name };
      yield { op: 'createCollection', ...base, options: collection.options };
      for (const index of collection.indexList()) {
        if (index !== ID_INDEX) yield { op: 'createIndex', ...base, spec: index.spec };
      }
      for (const doc of collection.documents()) yield { op: 'put', ...base, doc: doc.typed };
    }
  }
}
