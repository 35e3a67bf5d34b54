import type { INestApplication } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION } from '../messaging.module';
import { NatsBusServer, type NatsBusServerOptions } from './nats-bus.server';

/**
 * Serves the application's `@MessagePattern` and `@DurableEventPattern` handlers over its one NATS
 * connection. Call `app.init()` before `app.startAllMicroservices()`: consumers must not start before the
 * init hooks (index creation, the KEK check) have run.
 */
export function connectNatsBus(app: INestApplication, options: NatsBusServerOptions): void {
  const strategy = new NatsBusServer(app.get<NatsConnection>(NATS_CONNECTION), options);
  app.connectMicroservice({ strategy });
}
