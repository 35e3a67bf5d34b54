import 'reflect-metadata';
import { loadStorageConfig } from '@certhub/config';
import { createServiceLogger } from '@certhub/messaging';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { StorageModule } from './app/storage.module';

async function bootstrap(): Promise<void> {
  const config = loadStorageConfig();
  const logger = createServiceLogger('storage-service', config.logLevel);
  const app = await NestFactory.create(StorageModule.forRoot(config), { logger });
  // Request/reply (stored outcomes, readiness) over NestJS' core NATS transport; a queue group makes one
  // instance answer each request however many run.
  app.connectMicroservice<MicroserviceOptions>({
    transport: Transport.NATS,
    // Reconnect for as long as it takes: a NATS restart must not silence the request/reply side for good.
    options: { servers: [config.natsUrl], queue: 'storage-service', name: 'storage-service-rpc', maxReconnectAttempts: -1, reconnectTimeWait: 250 },
  });
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen(config.health.port, config.health.host);
  logger.log(`storage-service ready; health on http://${config.health.host}:${config.health.port}/health/ready`, 'Bootstrap');
}

void bootstrap().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', context: 'Bootstrap', message: String(error) }));
  process.exit(1);
});
