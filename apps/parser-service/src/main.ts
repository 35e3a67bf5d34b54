import 'reflect-metadata';
import { limitHeapGrowth, loadParserConfig } from '@certhub/config';
import { connectNatsBus, createServiceLogger } from '@certhub/messaging';
import { listeningUrl } from '@certhub/observability';
import { NestFactory } from '@nestjs/core';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ParserModule } from './app/parser.module';
import { INSPECTION_WORKER_ROLE } from './inspection/inspection-messages';
import { serveInspections } from './inspection/inspection-worker';

async function bootstrap(): Promise<void> {
  limitHeapGrowth();
  const config = loadParserConfig();
  const logger = createServiceLogger('parser-service', config.logLevel, config.logFormat);
  const app = await NestFactory.create(ParserModule.forRoot(config), { logger });
  // Commands arrive through `@DurableEventPattern` handlers on the service's one NATS connection.
  connectNatsBus(app, { queue: 'parser-service', consumers: config });
  app.enableShutdownHooks();
  // Init hooks first: nothing is consumed before the service is ready to handle it.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.health.port, config.health.host);
  // "listening on": the line process launchers read to learn the port (HEALTH_PORT=0 lets the kernel choose).
  logger.announce(`parser-service ready, listening on ${listeningUrl(app.getHttpServer())} (health at /health/ready)`, 'Bootstrap');
}

if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === INSPECTION_WORKER_ROLE) {
  // This script started as one of the service's inspection workers (inspection.service.ts).
  serveInspections(parentPort);
} else {
  void bootstrap().catch((error: unknown) => {
    console.error(JSON.stringify({ level: 'fatal', context: 'Bootstrap', message: String(error) }));
    process.exit(1);
  });
}
