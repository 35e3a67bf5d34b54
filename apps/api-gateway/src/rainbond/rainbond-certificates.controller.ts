import { CerthubError } from '@certhub/contracts';
import { Body, Controller, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { PathTenantTokenGuard } from '../auth/path-tenant-token.guard';
import { CertificateImports } from '../imports/certificate-imports.service';
import { ImportContext, type ImportRequestContext } from '../request-context/import-context.decorator';
import { RainbondCertificateBody, type RainbondCertificateResponse } from './dto/rainbond-certificate.body';
import { toCreateCommand, toResponse, toUpdateCommand } from './rainbond.mapper';
import { parseCertificateId } from '../imports/certificate-id';

export const TEAM_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/**
 * rainbond-add-certificate.md and rainbond-update-certificate.md. The guard made sure the path's team_id is the
 * token's tenant, so the context's tenant is that team.
 */
@Controller('openapi/v1/teams/:team_id/certificates')
// Rainbond's OpenAPI authenticates with a team token in Authorization.
@UseGuards(PathTenantTokenGuard('team_id'))
export class RainbondCertificatesController {
  constructor(private readonly imports: CertificateImports) {}

  @Post()
  @HttpCode(200)
  async add(@ImportContext() context: ImportRequestContext, @Body() body: RainbondCertificateBody): Promise<RainbondCertificateResponse> {
    const command = toCreateCommand(teamIdOf(context), context.requestId, body);
    return toResponse(body, await this.imports.submit('create', command));
  }

  @Put(':certificate_id')
  @HttpCode(200)
  async update(
    @ImportContext() context: ImportRequestContext,
    @Param('certificate_id') certificateId: string,
    @Body() body: RainbondCertificateBody,
  ): Promise<RainbondCertificateResponse> {
    const id = certificateIdOf(certificateId);
    const command = toUpdateCommand(teamIdOf(context), context.requestId, id, body);
    return toResponse(body, await this.imports.submit('update', command));
  }
}

/** A tenant may exist under an id Rainbond would not accept as a team id; such a team_id is refused. */
function teamIdOf(context: ImportRequestContext): string {
  if (!TEAM_ID.test(context.tenantId)) throw new CerthubError('INVALID_REQUEST', 'team_id is not a valid team id.');
  return context.tenantId;
}

/** Rainbond ids are positive integers; anything else names no certificate. */
function certificateIdOf(raw: string): number {
  const id = parseCertificateId(raw);
  if (id === null) throw new CerthubError('NOT_FOUND', `Certificate ${raw} does not exist.`);
  return id;
}
