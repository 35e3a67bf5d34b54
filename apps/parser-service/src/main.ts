import 'reflect-metadata';
import { loadParserConfig } from '@certhub/config';
import { createServiceLogger } from '@certhub/messaging';
import { NestFactory } from '@nestjs/core';
import { ParserModule } from './app/parser.module';

async function bootstrap(): Promise<void> {
  const config = loadParserConfig();
  const logger = createServiceLogger('parser-service', config.logLevel);
  const app = await NestFactory.create(ParserModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  await app.listen(config.health.port, config.health.host);
  logger.log(`parser-service ready; health on http://${config.health.host}:${config.health.port}/health/ready`, 'Bootstrap');
}

void bootstrap().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', context: 'Bootstrap', message: String(error) }));
  process.exit(1);
});
