import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { serviceInboxPrefix, type ServiceRole } from '@certhub/contracts';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { DRAIN_LIMIT_MS, drainOrClose } from './drain-or-close';
import { ensureBuckets, ensureStreams, JETSTREAM_SETTLE_MS } from './jetstream-topology';
import { NatsHealth } from './nats-health';
import { connectToNats, type NatsConnectionOptions } from './nats-connection';
import { retryFor } from './retry-for';
import { RpcClient } from './rpc/rpc-client';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');

export interface MessagingOptions extends NatsConnectionOptions {
  /**
   * Only the storage service may create and upgrade the streams (its credentials allow that and nobody
   * else's do); the others find them there, or wait for them (durable consumers) or answer 503 (publishers).
   */
  readonly ownsTopology: boolean;
  /** Copies of each stream and bucket the owner creates: 1 on one server, 3 on a cluster (NATS_STREAM_REPLICAS). */
  readonly streamReplicas?: number;
}

@Injectable()
class NatsConnectionCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  /** Runs after every consumer stopped (NatsBusServer.close, when Nest disposes the microservice): drain flushes what is left. */
  async onApplicationShutdown(): Promise<void> {
    if (this.nc.isClosed()) return;
    const ended = await drainOrClose(this.nc).catch((error: unknown) => this.logger.warn(`NATS drain failed: ${String(error)}`));
    if (ended === 'closed') this.logger.warn(`NATS drain did not finish within ${DRAIN_LIMIT_MS} ms; the connection was closed`);
  }
}

/**
 * One NATS connection per process, under the service's own credentials, shared by every provider: JetStream
 * publishing and consuming, request/reply clients (RpcClient) and the handlers NatsBusServer serves.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: NATS_CONNECTION,
          useFactory: async (): Promise<NatsConnection> => {
            const logger = new Logger('Messaging');
            logger.log(`connecting to NATS at ${options.url} as ${options.name}`);
            const nc = await connectToNats(options, (problem) => logger.warn(problem));
            if (options.ownsTopology) {
              const topology = { replicas: options.streamReplicas ?? 1 };
              // A cluster answers JetStream requests only once it has a meta leader, and creating a replicated
              // stream waits for its peers: a node restarting or an election in progress is waited out.
              await retryFor(JETSTREAM_SETTLE_MS, logger, 'creating the JetStream streams', async () => {
                await ensureStreams(await nc.jetstreamManager(), topology);
                await ensureBuckets(nc.jetstream(), topology);
              });
            }
            logger.log(options.ownsTopology ? 'connected to NATS; JetStream streams ensured' : 'connected to NATS');
            return nc;
          },
        },
        { provide: JETSTREAM, useFactory: (nc: NatsConnection): JetStreamClient => nc.jetstream(), inject: [NATS_CONNECTION] },
        {
          provide: JETSTREAM_MANAGER,
          // jetstreamManager() asks the server for the account's JetStream, which a cluster mid-election does not answer.
          useFactory: (nc: NatsConnection): Promise<JetStreamManager> =>
            retryFor(JETSTREAM_SETTLE_MS, new Logger('Messaging'), 'reaching JetStream', () => nc.jetstreamManager()),
          inject: [NATS_CONNECTION],
        },
        { provide: NatsHealth, useFactory: (nc: NatsConnection) => new NatsHealth(nc), inject: [NATS_CONNECTION] },
        { provide: RpcClient, useFactory: (nc: NatsConnection) => new RpcClient(nc), inject: [NATS_CONNECTION] },
        NatsConnectionCloser,
      ],
      exports: [NATS_CONNECTION, JETSTREAM, JETSTREAM_MANAGER, NatsHealth, RpcClient],
    };
  }
}

/** The MessagingModule options of one certhub service: its identity's credentials and inbox. */
export function serviceMessaging(
  nats: { readonly url: string; readonly credsFile: string; readonly caFile: string | undefined },
  role: ServiceRole,
  name: string,
  topology: { readonly streamReplicas?: number } = {},
): MessagingOptions {
  return {
    url: nats.url,
    credsFile: nats.credsFile,
    ...(nats.caFile ? { caFile: nats.caFile } : {}),
    name,
    inboxPrefix: serviceInboxPrefix(role),
    ownsTopology: role === 'storage',
    ...topology,
  };
}
