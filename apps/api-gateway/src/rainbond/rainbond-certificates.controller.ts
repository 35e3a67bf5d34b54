import { CerthubError } from '@certhub/contracts';
import { Body, Controller, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { CertificateImports } from '../imports/certificate-imports.service';
import { RainbondCertificateBody, type RainbondCertificateResponse } from './dto/rainbond-certificate.body';
import { PathTenantTokenGuard } from '../auth/path-tenant-token.guard';
import { toCreateCommand, toResponse, toUpdateCommand } from './rainbond.mapper';

export const TEAM_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** rainbond-add-certificate.md and rainbond-update-certificate.md. */
@Controller('openapi/v1/teams/:team_id/certificates')
// Rainbond's OpenAPI authenticates with a team token in Authorization.
@UseGuards(PathTenantTokenGuard('team_id'))
export class RainbondCertificatesController {
  constructor(private readonly imports: CertificateImports) {}

  @Post()
  @HttpCode(200)
  async add(
    @Param('team_id') teamId: string,
    @Body() body: RainbondCertificateBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RainbondCertificateResponse> {
    const command = toCreateCommand(tenantOf(teamId), response.locals['requestId'], body);
    return toResponse(body, await this.imports.submit('create', command));
  }

  @Put(':certificate_id')
  @HttpCode(200)
  async update(
    @Param('team_id') teamId: string,
    @Param('certificate_id') certificateId: string,
    @Body() body: RainbondCertificateBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RainbondCertificateResponse> {
    const id = certificateIdOf(certificateId);
    const command = toUpdateCommand(tenantOf(teamId), response.locals['requestId'], id, body);
    return toResponse(body, await this.imports.submit('update', command));
  }
}

function tenantOf(teamId: string): string {
  if (!TEAM_ID.test(teamId)) throw new CerthubError('INVALID_REQUEST', 'team_id is not a valid team id.');
  return teamId;
}

/** Rainbond ids are positive integers; anything else names no certificate. */
function certificateIdOf(raw: string): number {
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new CerthubError('NOT_FOUND', `Certificate ${raw} does not exist.`);
  return id;
}
