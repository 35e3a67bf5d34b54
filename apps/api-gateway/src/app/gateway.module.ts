import type { GatewayConfig } from '@certhub/config';
import { MessagingModule, NatsHealthController, serviceMessaging } from '@certhub/messaging';
import { MetricsModule } from '@certhub/observability';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CertificateLifecycleModule } from '../certificate-lifecycle/certificate-lifecycle.module';
import { CertificateQueriesModule } from '../certificate-queries/certificate-queries.module';
import { CertificateUploadsModule } from '../certificate-uploads/certificate-uploads.module';
import { BodyDepthMiddleware } from '../errors/body-depth.middleware';
import { JsonBodyMiddleware } from '../errors/json-body.middleware';
import { JsonContentTypeMiddleware } from '../errors/json-content-type.middleware';
import { JsonObjectBodyMiddleware } from '../errors/json-object-body.middleware';
import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { AlibabaCasModule } from '../alibaba-cas/alibaba-cas.module';
import { HuaweiApigModule } from '../huawei-apig/huawei-apig.module';
import { HuaweiScmModule } from '../huawei-scm/huawei-scm.module';
import { OpenApiModule } from '../openapi/openapi.module';
import { RainbondModule } from '../rainbond/rainbond.module';
import { RequestIdMiddleware } from '../request-context/request-id.middleware';
import { AccessLogMiddleware } from './access-log.middleware';
import { GATEWAY_CONFIG } from './gateway-config.token';

@Module({})
export class GatewayModule implements NestModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        MessagingModule.forRoot(serviceMessaging(config.nats, 'gateway', 'api-gateway')),
        MetricsModule.forRoot('api-gateway'),
        AuthModule,
        RainbondModule,
        HuaweiApigModule,
        AlibabaCasModule,
        HuaweiScmModule,
        CertificateQueriesModule,
        CertificateLifecycleModule,
        CertificateUploadsModule,
        OpenApiModule,
      ],
      controllers: [NatsHealthController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, HttpMetricsMiddleware],
      exports: [GATEWAY_CONFIG],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // HttpMetricsMiddleware is mounted in main.ts, before the body parsers.
    consumer.apply(AccessLogMiddleware, RequestIdMiddleware, JsonBodyMiddleware, JsonContentTypeMiddleware, BodyDepthMiddleware, JsonObjectBodyMiddleware).forRoutes('*');
  }
}
