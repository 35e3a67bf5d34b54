import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { HuaweiIamGuard } from '../auth/huawei-iam.guard';
import { CertificateImports } from '../imports/certificate-imports.service';
import { ImportContext, type ImportRequestContext } from '../request-context/import-context.decorator';
import { readImportRequest } from './huawei-scm-import.request';
import { SCM_IAM_RULES } from './huawei-scm-iam.rules';
import { toImportCommand, toImportResponse, type ScmImportResponse } from './huawei-scm.mapper';

/** huawei-scm-import-certificate.txt: POST /v3/scm/certificates/import. */
@Controller('v3/scm/certificates')
@UseGuards(HuaweiIamGuard(SCM_IAM_RULES))
export class HuaweiScmCertificatesController {
  constructor(private readonly imports: CertificateImports) {}

  /** The body is taken as `unknown` and checked by readImportRequest, so every bad body is SCM.0005. */
  @Post('import')
  @HttpCode(200)
  async importCertificate(@ImportContext() context: ImportRequestContext, @Body() body: unknown): Promise<ScmImportResponse> {
    const request = readImportRequest(body);
    const command = toImportCommand(context.tenantId, context.requestId, request);
    return toImportResponse(await this.imports.submit('create', command));
  }
}
