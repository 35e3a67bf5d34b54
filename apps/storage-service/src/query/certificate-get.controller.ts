import { CertificateGetRequest, Subjects, validatePayload, type CertificateGetReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { RECORD_FIELDS, toCertificateRecord } from '../certificates/certificate-record.mapper';
import { Certificate } from '../certificates/schemas/certificate.schema';

/** Request/reply over core NATS: one certificate of a tenant, for the gateway's `GET …/certificates/{id}`. */
@Controller()
export class CertificateGetController {
  constructor(@InjectModel(Certificate.name) private readonly certificates: Model<Certificate>) {}

  @MessagePattern(Subjects.rpcCertificateGet)
  async get(@Payload() raw: unknown): Promise<CertificateGetReply> {
    // Checked before the look-up: only a tenant id and an integer ever reach the filter.
    const request = validatePayload(CertificateGetRequest, raw);
    if (!request.ok) return { certificate: null, error: request.problems.join('; ') };
    const { tenantId, id } = request.value;
    // The tenant is part of the filter: another tenant's id is answered exactly like one that does not exist.
    const found = await this.certificates.findOne({ _id: id, tenantId }, RECORD_FIELDS).lean<Certificate>().exec();
    return { certificate: found ? toCertificateRecord(found) : null };
  }
}
