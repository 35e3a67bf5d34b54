import { Subjects, type OutcomeQuery, type OutcomeQueryReply } from '@certhub/contracts';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { STORAGE_RPC } from '../app/gateway-config.token';

const RPC_TIMEOUT_MS = 2_000;

/** Request/reply to the storage service over NestJS' NATS transport (core NATS, not JetStream). */
@Injectable()
export class StorageRpc implements OnApplicationShutdown {
  private readonly logger = new Logger(StorageRpc.name);

  constructor(@Inject(STORAGE_RPC) private readonly client: ClientProxy) {}

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
