import { Subjects, type CertificateQueryReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { readCertificateQuery } from './certificate-query.request';
import { CertificateQueryService } from './certificate-query.service';

/** Request/reply over core NATS: the gateway's read API lists a tenant's certificates through this. */
@Controller()
export class CertificateQueryController {
  constructor(private readonly certificates: CertificateQueryService) {}

  @MessagePattern(Subjects.rpcCertificatesQuery)
  async query(@Payload() raw: unknown): Promise<CertificateQueryReply> {
    const reading = readCertificateQuery(raw);
    if ('problem' in reading) return { certificates: [], next: null, error: reading.problem };
    return this.certificates.find(reading.query);
  }
}
