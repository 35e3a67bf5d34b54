import type { BsonDoc } from '../bson/bson-values';
import type { Durability } from '../persistence/durability';
import type { Catalog } from '../storage/catalog';
import type { CommandRequest } from './command-request';
import type { CursorRegistry } from './cursor-registry';

/** State shared by every connection of one server. */
export interface ServerState {
  readonly catalog: Catalog;
  readonly cursors: CursorRegistry;
  readonly durability: Durability;
  readonly startedAt: Date;
  readonly connections: { current: number; totalCreated: number };
}

export interface CommandContext extends ServerState {
  readonly connectionId: number;
  readonly remoteAddress: string;
}

/**
 * Runs one command synchronously: no `await` between reading state and changing it, which is what makes
 * concurrent clients' check-then-write sequences atomic in this single-threaded server.
 */
export type CommandHandler = (request: CommandRequest, context: CommandContext) => BsonDoc;
