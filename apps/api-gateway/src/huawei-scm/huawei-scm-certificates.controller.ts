import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { CertificateImports } from '../imports/certificate-imports.service';
import { readImportRequest } from './huawei-scm-import.request';
import { SCM_TENANT_LOCAL, HuaweiScmAuthGuard } from './huawei-scm-auth.guard';
import { toImportCommand, toImportResponse, type ScmImportResponse } from './huawei-scm.mapper';

/** huawei-scm-import-certificate.txt: POST /v3/scm/certificates/import. */
@Controller('v3/scm/certificates')
@UseGuards(HuaweiScmAuthGuard)
export class HuaweiScmCertificatesController {
  constructor(private readonly imports: CertificateImports) {}

  /** The body is taken as `unknown` and checked by readImportRequest, so every bad body is SCM.0005. */
  @Post('import')
  @HttpCode(200)
  async importCertificate(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<ScmImportResponse> {
    const request = readImportRequest(body);
    const command = toImportCommand(response.locals[SCM_TENANT_LOCAL], response.locals['requestId'], request);
    return toImportResponse(await this.imports.submit('create', command));
  }
}
