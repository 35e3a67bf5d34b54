import { Body, Controller, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { PathTenantTokenGuard } from '../auth/path-tenant-token.guard';
import { readCertificateId } from '../certificate-queries/certhub-certificate-id';
import { CertificateImports } from '../imports/certificate-imports.service';
import { ImportContext, type ImportRequestContext } from '../request-context/import-context.decorator';
import { DryRunRpc, type DryRunResponse } from './dry-run-rpc.service';
import { toCreateCommand, toImportedCertificate, toUpdateCommand, toValidateRequest, type ImportedCertificate } from './upload-body';

/**
 * certhub's own write API: `POST /certhub/v1/tenants/{tenant_id}/certificates` imports through the same
 * pipeline as every dialect (gateway → parser → storage, outcome event included), `PUT …/{id}` re-imports
 * keeping the id (a new version; the old one stays for rollback), and `…/validate` runs the parser's checks as
 * a dry run. Bodies are taken as `unknown` and read by upload-body.ts, which owns every 400.
 * Errors are certhub's plain `{code, message, requestId}`.
 */
@Controller('certhub/v1/tenants/:tenant_id/certificates')
@UseGuards(PathTenantTokenGuard('tenant_id'))
export class CertificateUploadsController {
  constructor(
    private readonly imports: CertificateImports,
    private readonly dryRun: DryRunRpc,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@ImportContext() context: ImportRequestContext, @Body() body: unknown): Promise<ImportedCertificate> {
    return toImportedCertificate(await this.imports.submit('create', toCreateCommand(context, body)));
  }

  /** A new version of a stored certificate, from the same body as an import; 404 for an id the tenant does not hold. */
  @Put(':certificate_id')
  @HttpCode(200)
  async update(
    @ImportContext() context: ImportRequestContext,
    @Param('certificate_id') certificateId: string,
    @Body() body: unknown,
  ): Promise<ImportedCertificate> {
    const id = readCertificateId(certificateId);
    return toImportedCertificate(await this.imports.submit('update', toUpdateCommand(context, id, body)));
  }

  /** Stores nothing and emits nothing: 200 with every problem found, whether or not the upload is valid. */
  @Post('validate')
  @HttpCode(200)
  validate(@ImportContext() context: ImportRequestContext, @Body() body: unknown): Promise<DryRunResponse> {
    return this.dryRun.validate(toValidateRequest(context, body));
  }
}
