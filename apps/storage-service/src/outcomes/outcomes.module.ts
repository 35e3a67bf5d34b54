import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CertificatesModule } from '../certificates/certificates.module';
import { OutcomeIndexes } from './outcome-indexes.service';
import { OutcomeStore } from './outcome-store.service';
import { OutcomesController } from './outcomes.controller';
import { RequestOutcome, RequestOutcomeSchema } from './schemas/request-outcome.schema';

/**
 * The idempotency records: one outcome per (tenant, request id), answered again from the stored certificate
 * (hence CertificatesModule), and looked up by the gateway over request/reply.
 */
@Module({
  imports: [CertificatesModule, MongooseModule.forFeature([{ name: RequestOutcome.name, schema: RequestOutcomeSchema }])],
  controllers: [OutcomesController],
  providers: [OutcomeIndexes, OutcomeStore],
  exports: [OutcomeStore],
})
export class OutcomesModule {}
