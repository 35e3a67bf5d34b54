import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { CertificateQueryRpc, type CertificateListResponse } from './certificate-query-rpc.service';
import { readCertificateQueryParams } from './certificate-query.params';
import { PathTenantTokenGuard } from '../auth/path-tenant-token.guard';

/**
 * certhub's own read API: `GET /certhub/v1/tenants/{tenant_id}/certificates?hostname=&expires_within_days=
 * &limit=&after=`, a page of summaries (never PEMs or keys) sorted by notAfter. Errors are certhub's plain
 * `{code, message, requestId}`.
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
}
