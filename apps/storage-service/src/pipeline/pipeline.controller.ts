import { Consumers, deadLetterSubject, Streams, type CertificateParsedEvent } from '@certhub/contracts';
import { DurableEventPattern, JetStreamContext } from '@certhub/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { decodeParsedEvent } from './parsed-event.decoder';
import { ParsedCertificateHandler } from './parsed-certificate.handler';

/** The parser's verdicts, from the durable `storage-service` consumer. */
@Controller()
export class PipelineController {
  constructor(private readonly handler: ParsedCertificateHandler) {}

  @DurableEventPattern<CertificateParsedEvent>(Streams.pipeline.name, {
    durable: Consumers.storage,
    deadLetterSubject: deadLetterSubject('storage'),
    decode: decodeParsedEvent,
  })
  handle(@Payload() event: CertificateParsedEvent, @Ctx() context: JetStreamContext): Promise<void> {
    return this.handler.handle(event, context.delivery());
  }
}
