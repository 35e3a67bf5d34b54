import 'reflect-metadata';
import { limitHeapGrowth, loadStorageConfig } from '@certhub/config';
import { connectNatsBus, createServiceLogger } from '@certhub/messaging';
import { listeningUrl } from '@certhub/observability';
import { NestFactory } from '@nestjs/core';
import { StorageModule } from './app/storage.module';

async function bootstrap(): Promise<void> {
  limitHeapGrowth();
  const config = loadStorageConfig();
  const logger = createServiceLogger('storage-service', config.logLevel, config.logFormat);
  const app = await NestFactory.create(StorageModule.forRoot(config), { logger });
  // `@MessagePattern` (request/reply, in a queue group so one instance answers each request) and
  // `@DurableEventPattern` (the pipeline) handlers, on the service's one NATS connection.
  connectNatsBus(app, { queue: 'storage-service', consumers: config });
  app.enableShutdownHooks();
  // Init hooks first (the KEK check, the indexes): nothing is consumed before the service can handle it.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.health.port, config.health.host);
  // "listening on": the line process launchers read to learn the port (HEALTH_PORT=0 lets the kernel choose).
  logger.announce(`storage-service ready, listening on ${listeningUrl(app.getHttpServer())} (health at /health/ready)`, 'Bootstrap');
}

void bootstrap().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', context: 'Bootstrap', message: String(error) }));
  process.exit(1);
});
