import { CertificateVersionsRequest, Subjects, validatePayload, type CertificateVersionsReply } from '@certhub/contracts';
import { Controller } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Model } from 'mongoose';
import { keptVersions, toVersionSummary, VERSIONED_FIELDS, type VersionedCertificate } from '../certificates/certificate-versions';
import { Certificate } from '../certificates/schemas/certificate.schema';

/**
 * Request/reply over core NATS: the kept versions of one certificate, for `GET …/certificates/{id}/versions`.
 * Summaries only: the PEMs and sealed keys of the history never leave storage.
 */
@Controller()
export class CertificateVersionsController {
  constructor(@InjectModel(Certificate.name) private readonly certificates: Model<Certificate>) {}

  @MessagePattern(Subjects.rpcCertificateVersions)
  async versions(@Payload() raw: unknown): Promise<CertificateVersionsReply> {
    const request = validatePayload(CertificateVersionsRequest, raw);
    if (!request.ok) return { versions: null, error: request.problems.join('; ') };
    const { tenantId, id } = request.value;
    // The tenant is part of the filter: another tenant's id, or a deleted one, is answered like one never used.
    const found = await this.certificates.findOne({ _id: id, tenantId }, VERSIONED_FIELDS).lean<VersionedCertificate>().exec();
    if (!found) return { versions: null };
    return {
      versions: { certificateId: id, currentVersion: found.revision, items: keptVersions(found).map((version) => toVersionSummary(version, found.revision)) },
    };
  }
}
