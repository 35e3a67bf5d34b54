import 'reflect-metadata';
import { limitHeapGrowth, loadGatewayConfig } from '@certhub/config';
import { createServiceLogger } from '@certhub/messaging';
import { listeningUrl } from '@certhub/observability';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { GatewayModule } from './app/gateway.module';
import { installGracefulShutdown } from './app/graceful-shutdown';
import { applyHttpServerTimeouts } from './app/http-server-timeouts';
import { DialectExceptionFilter } from './errors/dialect-exception.filter';
import { ERROR_RENDERERS } from './errors/renderers';
import { createValidationPipe } from './errors/validation.pipe';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';

async function bootstrap(): Promise<void> {
  limitHeapGrowth();
  const config = loadGatewayConfig();
  const logger = createServiceLogger('api-gateway', config.logLevel, config.logFormat);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), {
    logger,
    bodyParser: false,
    // Keep the body bytes (req.rawBody): Huawei AK/SK and Alibaba v3 signatures cover their SHA-256.
    rawBody: true,
  });
  // Counted before the body parsers, so that what they refuse (413, a bad body) is counted like any answer.
  const metrics = app.get(HttpMetricsMiddleware);
  app.use(metrics.use.bind(metrics));
  // Size limits apply before any parsing; Alibaba's RPC style also posts form bodies.
  // JSON bodies are read as bytes: JsonBodyMiddleware checks their charset and UTF-8 and parses them.
  app.useBodyParser('raw', { type: 'application/json', limit: config.http.bodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimitBytes, extended: false });
  app.useGlobalFilters(new DialectExceptionFilter(ERROR_RENDERERS));
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // In-flight requests may wait up to the outcome timeout; then a little for the last responses to flush.
  installGracefulShutdown(app, config.outcomeTimeoutMs + 5_000);
  app.enableShutdownHooks();
  applyHttpServerTimeouts(app.getHttpServer(), config.http.timeouts);
  await app.listen(config.http.port, config.http.host);
  logger.announce(`api-gateway listening on ${listeningUrl(app.getHttpServer())}`, 'Bootstrap');
}

void bootstrap().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', context: 'Bootstrap', message: String(error) }));
  process.exit(1);
});
