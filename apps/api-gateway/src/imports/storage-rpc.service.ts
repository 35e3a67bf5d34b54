import { Subjects, type OutcomeQuery, type OutcomeQueryReply } from '@certhub/contracts';
import { RpcClient } from '@certhub/messaging';
import { Injectable, Logger } from '@nestjs/common';

/** Readiness is asked at most this often, so a burst of requests costs one round trip. */
const READINESS_TTL_MS = 1_000;

interface StorageReadiness {
  readonly ready: boolean;
  readonly mongodb: boolean;
}

/** The gateway's questions to the storage service: is its database up, and what became of a request. */
@Injectable()
export class StorageRpc {
  private readonly logger = new Logger(StorageRpc.name);

  private readiness: { at: number; answer: Promise<StorageReadiness | null> } | null = null;

  constructor(private readonly rpc: RpcClient) {}

  /**
   * True only when the storage service answers that its database is unreachable. No answer at all (storage
   * restarting) is not a reason to refuse: the command is durable and will be stored when it is back.
   */
  async databaseUnavailable(): Promise<boolean> {
    if (!this.readiness || Date.now() - this.readiness.at > READINESS_TTL_MS) {
      const answer = this.rpc.rpc<StorageReadiness>(Subjects.rpcHealthStorage, {}).catch(() => null);
      this.readiness = { at: Date.now(), answer };
    }
    const readiness = await this.readiness.answer;
    return readiness !== null && !readiness.mongodb;
  }

  /** The stored outcome of a request, or null when there is none yet or storage cannot be asked. */
  async storedOutcome(query: OutcomeQuery): Promise<OutcomeQueryReply | null> {
    try {
      return await this.rpc.rpc<OutcomeQueryReply>(Subjects.rpcOutcomeGet, query);
    } catch (error) {
      this.logger.warn(`asking storage for request ${query.requestId} failed: ${String(error)}`);
      return null;
    }
  }
}
