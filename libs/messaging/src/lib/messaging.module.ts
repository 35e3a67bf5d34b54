import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { ensureStreams } from './jetstream-topology';
import { NatsHealth } from './nats-health';
import { connectToNats, type NatsConnectionOptions } from './nats-connection';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');

@Injectable()
class NatsConnectionCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  /** Runs after every consumer stopped (they stop in beforeApplicationShutdown): drain flushes what is left. */
  async onApplicationShutdown(): Promise<void> {
    if (this.nc.isClosed()) return;
    await this.nc.drain().catch((error: unknown) => this.logger.warn(`NATS drain failed: ${String(error)}`));
  }
}

/**
 * One NATS connection per process, shared by every provider; the JetStream topology is ensured before any
 * provider can publish or consume.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: NatsConnectionOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: NATS_CONNECTION,
          useFactory: async (): Promise<NatsConnection> => {
            const logger = new Logger('Messaging');
            logger.log(`connecting to NATS at ${options.url}`);
            const nc = await connectToNats(options);
            await ensureStreams(await nc.jetstreamManager());
            logger.log('connected to NATS; JetStream streams ensured');
            return nc;
          },
        },
        { provide: JETSTREAM, useFactory: (nc: NatsConnection): JetStreamClient => nc.jetstream(), inject: [NATS_CONNECTION] },
        {
          provide: JETSTREAM_MANAGER,
          useFactory: (nc: NatsConnection): Promise<JetStreamManager> => nc.jetstreamManager(),
          inject: [NATS_CONNECTION],
        },
        { provide: NatsHealth, useFactory: (nc: NatsConnection) => new NatsHealth(nc), inject: [NATS_CONNECTION] },
        NatsConnectionCloser,
      ],
      exports: [NATS_CONNECTION, JETSTREAM, JETSTREAM_MANAGER, NatsHealth],
    };
  }
}
