import type { StorageConfig } from '@certhub/config';
import { MessagingModule, serviceMessaging } from '@certhub/messaging';
import { MetricsModule } from '@certhub/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CertificatesModule } from '../certificates/certificates.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { ExpiryModule } from '../expiry/expiry.module';
import { CertificateQueryModule } from '../query/certificate-query.module';
import { KeyRotationModule } from '../key-rotation/key-rotation.module';
import { HealthController } from '../health/health.controller';
import { STORAGE_CONFIG } from './storage-config.token';

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
        MessagingModule.forRoot(serviceMessaging(config.nats, 'storage', 'storage-service')),
        MetricsModule.forRoot('storage-service'),
        MongooseModule.forRoot(config.mongoUrl, {
          // Fail fast while MongoDB is down: the message is retried by the consumer, not queued in memory.
          bufferCommands: false,
          serverSelectionTimeoutMS: 2_000,
          heartbeatFrequencyMS: 2_000,
          autoIndex: false,
          retryAttempts: Number.MAX_SAFE_INTEGER,
          retryDelay: 1_000,
        }),
        CertificatesModule,
        CredentialsModule,
        ExpiryModule,
        CertificateQueryModule,
        KeyRotationModule,
      ],
      controllers: [HealthController],
    };
  }
}
