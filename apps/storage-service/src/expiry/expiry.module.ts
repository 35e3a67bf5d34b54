import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Certificate, CertificateSchema } from '../certificates/schemas/certificate.schema';
import { ExpiringEventPublisher } from './expiring-event.publisher';
import { ExpiryScan } from './expiry-scan.service';
import { ExpiryScanner } from './expiry-scanner.service';

/** The expiry watch: announces certificates coming close to their notAfter on `certificate.expiring`. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Certificate.name, schema: CertificateSchema }])],
  providers: [ExpiringEventPublisher, ExpiryScan, ExpiryScanner],
})
export class ExpiryModule {}
