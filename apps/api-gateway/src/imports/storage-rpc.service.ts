import { Subjects, type OutcomeQuery, type OutcomeQueryReply } from '@certhub/contracts';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { STORAGE_RPC } from '../app/gateway-config.token';

const RPC_TIMEOUT_MS = 2_000;
/** Readiness is asked at most this often, so a burst of requests costs one round trip. */
const READINESS_TTL_MS = 1_000;

interface StorageReadiness {
  readonly ready: boolean;
  readonly mongodb: boolean;
}

/** Request/reply to the storage service over NestJS' NATS transport (core NATS, not JetStream). */
@Injectable()
export class StorageRpc implements OnApplicationShutdown {
  private readonly logger = new Logger(StorageRpc.name);

  private readiness: { at: number; answer: Promise<StorageReadiness | null> } | null = null;

  constructor(@Inject(STORAGE_RPC) private readonly client: ClientProxy) {}

  /**
   * True only when the storage service answers that its database is unreachable. No answer at all (storage
   * restarting) is not a reason to refuse: the command is durable and will be stored when it is back.
   */
  async databaseUnavailable(): Promise<boolean> {
    if (!this.readiness || Date.now() - this.readiness.at > READINESS_TTL_MS) {
      const answer = firstValueFrom(
        this.client.send<StorageReadiness>(Subjects.rpcHealthStorage, {}).pipe(timeout(RPC_TIMEOUT_MS)),
      ).catch(() => null);
      this.readiness = { at: Date.now(), answer };
    }
    const readiness = await this.readiness.answer;
    return readiness !== null && !readiness.mongodb;
  }

  /** The stored outcome of a request, or null when there is none yet or storage cannot be asked. */
  async storedOutcome(query: OutcomeQuery): Promise<OutcomeQueryReply | null> {
    try {
      return await firstValueFrom(
        this.client.send<OutcomeQueryReply, OutcomeQuery>(Subjects.rpcOutcomeGet, query).pipe(timeout(RPC_TIMEOUT_MS)),
      );
    } catch (error) {
      this.logger.warn(`asking storage for request ${query.requestId} failed: ${String(error)}`);
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
