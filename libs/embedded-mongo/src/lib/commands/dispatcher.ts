import type { BsonDoc } from '../bson/bson-values';
import { CommandError, toCommandError } from '../storage/command-error';
import { AGGREGATE_COMMANDS } from './aggregate-commands';
import { COLL_MOD_COMMANDS } from './coll-mod-command';
import type { CommandContext, CommandHandler } from './command-context';
import { CommandRequest } from './command-request';
import { DATABASE_COMMANDS } from './database-commands';
import { DELETE_COMMANDS } from './delete-command';
import { FIND_AND_MODIFY_COMMANDS } from './find-and-modify-command';
import { FIND_COMMANDS } from './find-commands';
import { HANDSHAKE_COMMANDS } from './handshake-commands';
import { INDEX_COMMANDS } from './index-commands';
import { INSERT_COMMANDS } from './insert-command';
import { UPDATE_COMMANDS } from './update-command';

const HANDLERS: Record<string, CommandHandler> = {
  ...HANDSHAKE_COMMANDS,
  ...DATABASE_COMMANDS,
  ...INDEX_COMMANDS,
  ...COLL_MOD_COMMANDS,
  ...INSERT_COMMANDS,
  ...UPDATE_COMMANDS,
  ...DELETE_COMMANDS,
  ...FIND_AND_MODIFY_COMMANDS,
  ...FIND_COMMANDS,
  ...AGGREGATE_COMMANDS,
};

/** Commands that change data: refused up front once the journal has failed. */
const WRITES = new Set([
  'insert', 'update', 'delete', 'findAndModify', 'findandmodify', 'create', 'drop', 'dropDatabase', 'createIndexes', 'dropIndexes',
  'collMod',
]);

const TRANSACTION_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

/** The outcome of the synchronous part of a command: its reply, and how far the journal must get first. */
export interface CommandOutcome {
  readonly reply: BsonDoc;
  /** Journal sequence the reply waits for; undefined when the command changed nothing. */
  readonly durableAt?: number;
}

/**
 * Runs one command to completion without yielding: a command that throws becomes an `ok: 0` reply, never a
 * crash. The caller awaits durability (`durableAt`) before sending the reply.
 */
export function executeCommand(body: BsonDoc, context: CommandContext): CommandOutcome {
  const sequenceBefore = context.durability.sequence;
  let reply: BsonDoc;
  try {
    reply = dispatch(new CommandRequest(body), context);
  } catch (error) {
    reply = toCommandError(error).toReply();
  }
  const sequenceAfter = context.durability.sequence;
  return sequenceAfter > sequenceBefore ? { reply, durableAt: sequenceAfter } : { reply };
}

function dispatch(request: CommandRequest, context: CommandContext): BsonDoc {
  // A standalone mongod answers exactly this to any transaction.
  if (request.body['startTransaction'] !== undefined || request.body['autocommit'] !== undefined || TRANSACTION_COMMANDS.has(request.name)) {
    throw new CommandError(20, 'Transaction numbers are only allowed on a replica set member or mongos');
  }
  const handler = Object.prototype.hasOwnProperty.call(HANDLERS, request.name) ? HANDLERS[request.name] : undefined;
  if (!handler) throw new CommandError(59, `no such command: '${request.name}'`);
  if (WRITES.has(request.name)) context.durability.assertWritable();
  return handler(request, context);
}
