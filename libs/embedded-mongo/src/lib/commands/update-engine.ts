import { ObjectId, serialize } from 'bson';
import { isPlainObject, retype, toPlain, toPlainDoc, withIdFirst, type BsonDoc } from '../bson/bson-values';
import { withValueAtPath } from '../bson/document-paths';
import { encodeKey } from '../bson/key-encoding';
import { formatShell } from '../bson/shell-format';
import { CommandError } from '../storage/command-error';
import { mingoUpdate, type MingoModifier } from '../storage/mingo-update';
import { assertNumericOperands } from './numeric-operands';

/** The `u` of an update statement (or `update` of findAndModify), classified. */
export type ParsedUpdate =
  | { readonly kind: 'replacement'; readonly typed: BsonDoc }
  | { readonly kind: 'operators'; readonly typed: BsonDoc; readonly plain: BsonDoc }
  | { readonly kind: 'pipeline'; readonly plain: BsonDoc[] };

export function parseUpdate(typed: unknown): ParsedUpdate {
  if (Array.isArray(typed)) {
    if (!typed.every(isPlainObject)) throw new CommandError(14, 'Each element of an update pipeline must be an object');
    return { kind: 'pipeline', plain: typed.map((stage) => toPlainDoc(stage)) };
  }
  if (!isPlainObject(typed)) throw new CommandError(9, 'Update argument must be either an object or an array');
  const keys = Object.keys(typed);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return { kind: 'replacement', typed };
  const field = keys.find((key) => !key.startsWith('$'));
  if (field !== undefined) {
    throw new CommandError(9, `Unknown modifier: ${field}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  for (const operator of operators) {
    if (!isPlainObject(typed[operator])) {
      throw new CommandError(9, `Modifiers operate on fields but we found type ${typeof typed[operator]} instead. ` +
        `For example: {$mod: {<field>: ...}} not {${operator}: ${formatShell(toPlain(typed[operator]))}}`);
    }
  }
  return { kind: 'operators', typed, plain: toPlainDoc(typed) };
}

export interface UpdateTarget {
  readonly typed: BsonDoc;
  readonly plain: BsonDoc;
}

export interface ApplyOptions {
  /** The statement's plain filter, for the positional `$` operator. */
  readonly filter: BsonDoc;
  readonly arrayFilters?: BsonDoc[];
  /** Applying to an upsert's new document: `$setOnInsert` counts. */
  readonly isInsert: boolean;
}

/** The new version of `target` (typed, `_id` first), or undefined when the update changes nothing. */
export function applyUpdate(target: UpdateTarget, update: ParsedUpdate, options: ApplyOptions): BsonDoc | undefined {
  if (update.kind === 'replacement') {
    const next = replacement(target.typed['_id'], update.typed);
    return Buffer.compare(serialize(next), serialize(target.typed)) === 0 ? undefined : next;
  }
  const modifier = update.kind === 'pipeline' ? update.plain : withSetOnInsert(update.plain, options.isInsert);
  if (!Array.isArray(modifier)) {
    if (Object.keys(modifier).length === 0) return undefined;
    assertNumericOperands(target.plain, modifier);
  }
  const condition = options.isInsert ? {} : options.filter;
  const config = { arrayFilters: options.arrayFilters, cloneMode: 'deep' as const };
  // Validated shape (operator document or array of stages); mingo rejects unknown operators itself.
  const next = mingoUpdate(target.plain, condition, modifier as MingoModifier, config);
  if (!next) return undefined;
  if ('_id' in target.plain && encodeKey(next['_id']) !== encodeKey(target.plain['_id'])) {
    throw new CommandError(66, "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  const reference = update.kind === 'operators' ? typeHints(target.typed, update.typed, options.isInsert) : target.typed;
  return withIdFirst(retype(next, reference) as BsonDoc);
}

/** The document an upsert inserts: equality fields of the filter, then the update applied to them. */
export function upsertDocument(filter: BsonDoc, update: ParsedUpdate, arrayFilters?: BsonDoc[]): BsonDoc {
  const seed = equalitySeed(filter);
  const doc = update.kind === 'replacement'
    ? replacement(seed['_id'], update.typed)
    : (applyUpdate({ typed: seed, plain: toPlainDoc(seed) }, update, { filter: {}, arrayFilters, isInsert: true }) ?? seed);
  return withIdFirst(doc['_id'] === undefined ? { ...doc, _id: new ObjectId() } : doc);
}

/** A replacement keeps the `_id` it replaces; naming a different one is an error, as in MongoDB. */
function replacement(id: unknown, typed: BsonDoc): BsonDoc {
  if (id === undefined) return withIdFirst(typed);
  if ('_id' in typed && encodeKey(toPlain(typed['_id'])) !== encodeKey(toPlain(id))) {
    throw new CommandError(66, `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatShell(toPlain(typed['_id']))}`);
  }
  return withIdFirst({ ...typed, _id: id });
}

function withSetOnInsert(modifier: BsonDoc, isInsert: boolean): BsonDoc {
  const { $setOnInsert: onInsert, ...rest } = modifier;
  if (!isInsert || !isPlainObject(onInsert)) return rest;
  const set = isPlainObject(rest['$set']) ? rest['$set'] : {};
  for (const path of Object.keys(onInsert)) {
    if (path in set) throw new CommandError(40, `Updating the path '${path}' would create a conflict at '${path}'`);
  }
  return { ...rest, $set: { ...set, ...onInsert } };
}

/**
 * What `retype` uses to pick numeric types: the old document, with the typed values of `$set` (and, on
 * insert, `$setOnInsert`) laid over it, so `$set: { x: Long(5) }` stores a Long.
 */
function typeHints(typed: BsonDoc, modifier: BsonDoc, isInsert: boolean): BsonDoc {
  let reference = typed;
  for (const operator of isInsert ? ['$set', '$setOnInsert'] : ['$set']) {
    const fields = modifier[operator];
    if (!isPlainObject(fields)) continue;
    for (const [path, value] of Object.entries(fields)) {
      if (!path.includes('$')) reference = withValueAtPath(reference, path, value);
    }
  }
  return reference;
}

/** `{ a: 1, "b.c": "x", $and: [{ d: { $eq: 2 } }] }` → `{ a: 1, b: { c: "x" }, d: 2 }` (typed values). */
function equalitySeed(filter: BsonDoc): BsonDoc {
  let seed: BsonDoc = {};
  const visit = (conditions: BsonDoc): void => {
    for (const [key, condition] of Object.entries(conditions)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (isPlainObject(part)) visit(part);
        continue;
      }
      if (key.startsWith('$')) continue;
      let value = condition;
      if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        const operators = Object.keys(value);
        if (operators.length !== 1 || operators[0] !== '$eq') continue;
        value = value['$eq'];
      }
      if (value instanceof RegExp) continue;
      seed = withValueAtPath(seed, key, value);
    }
  };
  visit(filter);
  return seed;
}
