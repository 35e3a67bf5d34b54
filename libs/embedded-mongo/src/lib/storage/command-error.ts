import type { BsonDoc } from '../bson/bson-values';

/** The MongoDB error codes this server can answer with, and their names as mongod spells them. */
const CODE_NAMES: Record<number, string> = {
  1: 'InternalError',
  2: 'BadValue',
  9: 'FailedToParse',
  13: 'Unauthorized',
  14: 'TypeMismatch',
  20: 'IllegalOperation',
  26: 'NamespaceNotFound',
  27: 'IndexNotFound',
  40: 'ConflictingUpdateOperators',
  43: 'CursorNotFound',
  48: 'NamespaceExists',
  53: 'InvalidIdField',
  59: 'CommandNotFound',
  66: 'ImmutableField',
  67: 'CannotCreateIndex',
  72: 'InvalidOptions',
  73: 'InvalidNamespace',
  85: 'IndexOptionsConflict',
  86: 'IndexKeySpecsConflict',
  115: 'CommandNotSupported',
  171: 'CannotIndexParallelArrays',
  197: 'InvalidIndexSpecificationOption',
  238: 'AmbiguousIndexKeyPattern',
  352: 'UnsupportedOpQueryCommand',
  10334: 'BSONObjectTooLarge',
  11000: 'DuplicateKey',
  // An IDL parser error with no name of its own: mongod names such codes after their number.
  40415: 'Location40415',
};

/** A failure reported to the client as `{ ok: 0, errmsg, code, codeName }` (or as a write error). */
export class CommandError extends Error {
  readonly codeName: string;

  constructor(
    readonly code: number,
    message: string,
    /** Extra reply fields, e.g. keyPattern and keyValue of a duplicate key. */
    readonly extra: BsonDoc = {},
  ) {
    super(message);
    this.name = 'CommandError';
    this.codeName = CODE_NAMES[code] ?? 'UnknownError';
  }

  toReply(): BsonDoc {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  /** The shape of one entry of `writeErrors` in an insert/update/delete reply. */
  toWriteError(index: number): BsonDoc {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

/**
 * Any thrown value as a CommandError: mingo rejects bad queries/updates with a MingoError (a client mistake,
 * BadValue); anything else is a bug in this server, reported as InternalError instead of crashing it.
 */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.constructor.name === 'MingoError') {
    if (/would create a conflict/.test(message)) return new CommandError(40, message);
    if (/immutable field/.test(message)) return new CommandError(66, message.replace(/\.$/, ''));
    return new CommandError(2, message);
  }
  return new CommandError(1, `embedded-mongo internal error: ${message}`);
}
