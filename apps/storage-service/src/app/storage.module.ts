import type { StorageConfig } from '@certhub/config';
import { MessagingModule, serviceMessaging } from '@certhub/messaging';
import { MetricsModule } from '@certhub/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CertificatesModule } from '../certificates/certificates.module';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { DatabaseModule } from '../database/database.module';
import { MONGO_CONNECTION_OPTIONS } from '../database/mongo-connection-options';
import { CredentialsModule } from '../credentials/credentials.module';
import { ExpiryModule } from '../expiry/expiry.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { CertificateQueryModule } from '../query/certificate-query.module';
import { KeyRotationModule } from '../key-rotation/key-rotation.module';
import { HealthController } from '../health/health.controller';

@Module({})
export class StorageModule {
  static forRoot(config: StorageConfig): DynamicModule {
    return {
      module: StorageModule,
      // Global so that feature modules can inject the configuration without importing the root module.
      global: true,
      providers: [{ provide: STORAGE_CONFIG, useValue: config }],
      exports: [STORAGE_CONFIG],
      imports: [
        MessagingModule.forRoot(serviceMessaging(config.nats, 'storage', 'storage-service', { streamReplicas: config.streamReplicas })),
        MetricsModule.forRoot('storage-service'),
        MongooseModule.forRoot(config.mongoUrl, { ...MONGO_CONNECTION_OPTIONS, retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: 1_000 }),
        DatabaseModule,
        CertificatesModule,
        OutcomesModule,
        PipelineModule,
        CredentialsModule,
        ExpiryModule,
        CertificateQueryModule,
        KeyRotationModule,
      ],
      controllers: [HealthController],
    };
  }
}
