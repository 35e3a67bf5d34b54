import type { CertificateQueryReply } from '@certhub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { certificateQueryFilter } from './certificate-query.filter';
import { certificateQueryPage } from './certificate-query.page';
import type { CertificateQuery } from './certificate-query.request';
import { SUMMARY_FIELDS, type SummarizedCertificate } from './certificate-summary.mapper';

@Injectable()
export class CertificateQueryService {
  constructor(@InjectModel(Certificate.name) private readonly certificates: Model<Certificate>) {}

  /** One page in (notAfter, id) order; one extra document is read to know whether another page follows. */
  async find(query: CertificateQuery, now = new Date()): Promise<CertificateQueryReply> {
    const found = await this.certificates
      .find(certificateQueryFilter(query, now))
      .select(SUMMARY_FIELDS)
      .sort({ notAfter: 1, _id: 1 })
      .limit(query.limit + 1)
      .lean<SummarizedCertificate[]>()
      .exec();
    return certificateQueryPage(found, query.limit);
  }
}
