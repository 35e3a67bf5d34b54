import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Certificate, CertificateSchema } from '../certificates/schemas/certificate.schema';
import { CertificateQueryController } from './certificate-query.controller';
import { CertificateQueryService } from './certificate-query.service';

/** Read-only look-ups of certificates by host name and expiry, for the gateway. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Certificate.name, schema: CertificateSchema }])],
  controllers: [CertificateQueryController],
  providers: [CertificateQueryService],
})
export class CertificateQueryModule {}
