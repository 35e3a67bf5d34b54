import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { OutcomePublisher } from './outcome.publisher';
import { ParsedCertificateHandler } from './parsed-certificate.handler';
import { PipelineController } from './pipeline.controller';
import { PipelineMetrics } from './pipeline-metrics.service';

/** The parser's verdicts, from the durable consumer: written through certificates, recorded in outcomes, published. */
@Module({
  imports: [CertificatesModule, LifecycleModule, OutcomesModule],
  controllers: [PipelineController],
  providers: [ParsedCertificateHandler, OutcomePublisher, PipelineMetrics],
})
export class PipelineModule {}
