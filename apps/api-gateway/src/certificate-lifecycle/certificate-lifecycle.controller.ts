import { CerthubError, type CertificateRecord } from '@certhub/contracts';
import { Body, Controller, Delete, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { PathTenantTokenGuard } from '../auth/path-tenant-token.guard';
import { readCertificateId } from '../certificate-queries/certhub-certificate-id';
import { CertificateImports } from '../imports/certificate-imports.service';
import { ImportContext, type ImportRequestContext } from '../request-context/import-context.decorator';
import { readRollbackVersion } from './rollback.body';

export interface DeleteResponse {
  readonly id: number;
  readonly name: string;
  /** When it was first deleted: a repeated delete answers the same moment. */
  readonly deletedAt: string;
}

export interface RollbackResponse {
  /** The new current version, whose content is that of `restoredVersion`. */
  readonly version: number;
  readonly restoredVersion: number;
  readonly certificate: CertificateRecord;
}

/**
 * certhub's own writes on a stored certificate: `DELETE …/certificates/{id}` and `POST …/{id}/rollback`.
 * Both go through the bus like every import (`certificate.delete` / `certificate.rollback`) and are answered
 * from their outcome; the request id is the Idempotency-Key, as for the dialects.
 */
@Controller('certhub/v1/tenants/:tenant_id/certificates')
@UseGuards(PathTenantTokenGuard('tenant_id'))
export class CertificateLifecycleController {
  constructor(private readonly imports: CertificateImports) {}

  /** 200 the first time and every time after (idempotent), with the same answer; 404 for an id the tenant never had. */
  @Delete(':certificate_id')
  @HttpCode(200)
  async delete(@ImportContext() context: ImportRequestContext, @Param('certificate_id') certificateId: string): Promise<DeleteResponse> {
    const id = readCertificateId(certificateId);
    const outcome = await this.imports.submitLifecycle('delete', { tenantId: context.tenantId, requestId: context.requestId, certificateId: id });
    if (outcome.outcome !== 'deleted') throw new CerthubError('INTERNAL', 'The delete was not answered as a delete.');
    return { id: outcome.certificateId, name: outcome.name, deletedAt: outcome.deletedAt };
  }

  @Post(':certificate_id/rollback')
  @HttpCode(200)
  async rollback(
    @ImportContext() context: ImportRequestContext,
    @Param('certificate_id') certificateId: string,
    @Body() body: unknown,
  ): Promise<RollbackResponse> {
    const id = readCertificateId(certificateId);
    const version = readRollbackVersion(body);
    const outcome = await this.imports.submitLifecycle('rollback', { tenantId: context.tenantId, requestId: context.requestId, certificateId: id, version });
    if (outcome.outcome === 'deleted') throw new CerthubError('INTERNAL', 'The rollback was answered as a delete.');
    return { version: outcome.certificate.revision, restoredVersion: version, certificate: outcome.certificate };
  }
}
