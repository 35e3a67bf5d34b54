import type { Socket } from 'node:net';
import type { BsonDoc } from '../bson/bson-values';
import type { CommandContext, ServerState } from '../commands/command-context';
import { executeCommand, type CommandOutcome } from '../commands/dispatcher';
import { CommandError } from '../storage/command-error';
import { FrameReader } from './frame-reader';
import { waitsForJournal } from './write-concern';
import { encodeOpMsgReply, encodeOpReply, OP_QUERY, parseMessage, type WireRequest } from './wire-message';

const LEGACY_HANDSHAKES = new Set(['hello', 'isMaster', 'ismaster']);

/**
 * One client connection: frames in, commands run (synchronously, in arrival order), replies out in the same
 * order. Bytes that are not the wire protocol close this connection only.
 */
export function serveConnection(socket: Socket, state: ServerState, connectionId: number, log: (line: string) => void): void {
  const reader = new FrameReader();
  const context: CommandContext = { ...state, connectionId, remoteAddress: `${socket.remoteAddress}:${socket.remotePort}` };
  let replies: Promise<void> = Promise.resolve();
  const drop = (reason: unknown) => {
    log(`embedded-mongo: closing connection ${connectionId}: ${reason instanceof Error ? reason.message : String(reason)}`);
    socket.destroy();
  };

  socket.on('data', (chunk: Buffer) => {
    if (socket.destroyed) return;
    let frames: Buffer[];
    try {
      frames = reader.push(chunk);
    } catch (error) {
      return drop(error);
    }
    for (const frame of frames) {
      let request: WireRequest;
      try {
        request = parseMessage(frame);
      } catch (error) {
        return drop(error);
      }
      const outcome = run(request, context);
      // A reply that cannot be delivered ends this connection, never the chain of later replies.
      replies = replies.then(() => deliver(socket, request, outcome, state)).catch((error: unknown) => drop(error));
    }
  });
  // Resets and half-closed sockets need no report: the client is gone.
  socket.on('error', () => socket.destroy());
}

function run(request: WireRequest, context: CommandContext): CommandOutcome {
  const name = Object.keys(request.body)[0] ?? '';
  if (request.opCode === OP_QUERY && !LEGACY_HANDSHAKES.has(name)) {
    return { reply: new CommandError(352, `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`).toReply() };
  }
  return executeCommand(request.body, context);
}

/**
 * Waits until the command's writes are durable, unless its write concern says not to (`j: false`), then
 * replies (unless the client asked for no reply).
 */
async function deliver(socket: Socket, request: WireRequest, outcome: CommandOutcome, state: ServerState): Promise<void> {
  let reply: BsonDoc = outcome.reply;
  if (outcome.durableAt !== undefined && waitsForJournal(request.body)) {
    try {
      await state.durability.waitDurable(outcome.durableAt);
    } catch (error) {
      reply = new CommandError(1, `write applied in memory but not journaled: ${error instanceof Error ? error.message : String(error)}`).toReply();
    }
  }
  if (request.moreToCome || socket.destroyed) return;
  const encode = request.opCode === OP_QUERY ? encodeOpReply : encodeOpMsgReply;
  let bytes: Buffer;
  try {
    bytes = encode(request.requestId, reply);
  } catch (error) {
    bytes = encode(request.requestId, new CommandError(1, `reply could not be encoded: ${String(error)}`).toReply());
  }
  socket.write(bytes);
}
