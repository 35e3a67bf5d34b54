import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StorageMetrics } from '../metrics/storage-metrics.service';
import { OutcomeStore } from '../outcomes/outcome-store.service';
import { OutcomesController } from '../outcomes/outcomes.controller';
import { RequestOutcome, RequestOutcomeSchema } from '../outcomes/schemas/request-outcome.schema';
import { OutcomePublisher } from '../pipeline/outcome.publisher';
import { ParsedCertificateHandler } from '../pipeline/parsed-certificate.handler';
import { PipelineController } from '../pipeline/pipeline.controller';
import { CertificateIndexes } from './certificate-indexes.service';
import { CertificateWriter } from './certificate-writer.service';
import { IdAllocator } from './id-allocator.service';
import { Certificate, CertificateSchema } from './schemas/certificate.schema';
import { Counter, CounterSchema } from './schemas/counter.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Certificate.name, schema: CertificateSchema },
      { name: Counter.name, schema: CounterSchema },
      { name: RequestOutcome.name, schema: RequestOutcomeSchema },
    ]),
  ],
  controllers: [OutcomesController, PipelineController],
  providers: [
    IdAllocator,
    CertificateIndexes,
    CertificateWriter,
    OutcomeStore,
    OutcomePublisher,
    ParsedCertificateHandler,
    StorageMetrics,
  ],
})
export class CertificatesModule {}
