import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Certificate, CertificateSchema } from '../certificates/schemas/certificate.schema';
import { ExpiringEventPublisher } from './expiring-event.publisher';
import { ExpiryMetrics } from './expiry-metrics.service';
import { ExpiryPlan } from './expiry-plan.service';
import { ExpiryScan } from './expiry-scan.service';
import { ExpiryScanner } from './expiry-scanner.service';
import { ExpiryPlanRecord, ExpiryPlanRecordSchema } from './schemas/expiry-plan.schema';

/**
 * The expiry watch: announces certificates coming close to their notAfter on `certificate.expiring`, and
 * keeps the expiry metrics, both from one scan that reads only the certificates due.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Certificate.name, schema: CertificateSchema },
      { name: ExpiryPlanRecord.name, schema: ExpiryPlanRecordSchema },
    ]),
  ],
  providers: [ExpiringEventPublisher, ExpiryPlan, ExpiryScan, ExpiryMetrics, ExpiryScanner],
  // A deleted certificate leaves the per-certificate gauge at once, not at the next scan.
  exports: [ExpiryMetrics],
})
export class ExpiryModule {}
