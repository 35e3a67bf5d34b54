import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Certificate, CertificateSchema } from '../certificates/schemas/certificate.schema';
import { CertificateGetController } from './certificate-get.controller';
import { CertificateQueryController } from './certificate-query.controller';
import { CertificateQueryService } from './certificate-query.service';
import { CertificateVersionsController } from './certificate-versions.controller';

/** Read-only look-ups for the gateway: one certificate by id, its kept versions, a tenant's certificates by host name and expiry. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Certificate.name, schema: CertificateSchema }])],
  controllers: [CertificateQueryController, CertificateGetController, CertificateVersionsController],
  providers: [CertificateQueryService],
})
export class CertificateQueryModule {}
