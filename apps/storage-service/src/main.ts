import 'reflect-metadata';
import { loadStorageConfig } from '@certhub/config';
import { createServiceLogger, NATS_CONNECTION, NatsRpcServer } from '@certhub/messaging';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from 'nats';
import { StorageModule } from './app/storage.module';

async function bootstrap(): Promise<void> {
  const config = loadStorageConfig();
  const logger = createServiceLogger('storage-service', config.logLevel, config.logFormat);
  const app = await NestFactory.create(StorageModule.forRoot(config), { logger });
  // Request/reply (`@MessagePattern` handlers) on the service's one NATS connection; a queue group makes one
  // instance answer each request however many run.
  app.connectMicroservice({ strategy: new NatsRpcServer(app.get<NatsConnection>(NATS_CONNECTION), { queue: 'storage-service' }) });
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen(config.health.port, config.health.host);
  logger.log(`storage-service ready; health on http://${config.health.host}:${config.health.port}/health/ready`, 'Bootstrap');
}

void bootstrap().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', context: 'Bootstrap', message: String(error) }));
  process.exit(1);
});
