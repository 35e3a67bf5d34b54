import type { CertificateRecord } from '@certhub/contracts';
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { readCertificateId } from './certhub-certificate-id';
import { CertificateQueryRpc, type CertificateListResponse, type CertificateVersionsResponse } from './certificate-query-rpc.service';
import { readCertificateQueryParams } from './certificate-query.params';
import { PathTenantTokenGuard } from '../auth/path-tenant-token.guard';

/**
 * certhub's own read API: `GET /certhub/v1/tenants/{tenant_id}/certificates?hostname=&expires_within_days=
 * &limit=&after=`, a page of summaries (never PEMs or keys) sorted by notAfter, and `GET …/certificates/{id}`,
 * one certificate (public PEMs and metadata, never the key), and `GET …/certificates/{id}/versions`. Errors are certhub's plain `{code, message,
 * requestId}`.
 */
@Controller('certhub/v1/tenants/:tenant_id/certificates')
@UseGuards(PathTenantTokenGuard('tenant_id'))
export class CertificateQueriesController {
  constructor(private readonly certificates: CertificateQueryRpc) {}

  /** The query is taken as `unknown` and read by readCertificateQueryParams, which owns every 400. */
  @Get()
  list(@Param('tenant_id') tenantId: string, @Query() query: unknown): Promise<CertificateListResponse> {
    return this.certificates.query(readCertificateQueryParams(tenantId, query));
  }

  @Get(':certificate_id')
  get(@Param('tenant_id') tenantId: string, @Param('certificate_id') certificateId: string): Promise<CertificateRecord> {
    return this.certificates.get(tenantId, readCertificateId(certificateId));
  }

  /** The kept versions, newest first: number, fingerprint, validity, when and through which request. */
  @Get(':certificate_id/versions')
  versions(@Param('tenant_id') tenantId: string, @Param('certificate_id') certificateId: string): Promise<CertificateVersionsResponse> {
    return this.certificates.versions(tenantId, readCertificateId(certificateId));
  }
}
