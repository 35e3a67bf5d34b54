import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { HuaweiIamGuard } from '../auth/huawei-iam.guard';
import { CertificateImports } from '../imports/certificate-imports.service';
import { ImportContext, type ImportRequestContext } from '../request-context/import-context.decorator';
import type { ApigCertificateResponse } from './huawei-apig-certificate.response';
import { APIG_IAM_RULES } from './huawei-apig-iam.rules';
import { readCreateCertificateRequest } from './huawei-apig-request';
import { toCertificateResponse, toCreateCommand } from './huawei-apig.mapper';

/** huawei-apig-create-certificate.txt: "Creating an SSL Certificate". */
@Controller('v2/:project_id/apigw/certificates')
@UseGuards(HuaweiIamGuard(APIG_IAM_RULES))
export class HuaweiApigCertificatesController {
  constructor(private readonly imports: CertificateImports) {}

  /**
   * The guard made sure the path's project_id is the credential's, so the context's tenant is that project.
   * A body that is not JSON never gets here (JsonContentTypeMiddleware); no body at all is `undefined`: missing.
   */
  @Post()
  @HttpCode(200)
  async create(@ImportContext() context: ImportRequestContext, @Body() body: unknown): Promise<ApigCertificateResponse> {
    const command = toCreateCommand(context.tenantId, context.requestId, readCreateCertificateRequest(body));
    return toCertificateResponse(await this.imports.submit('create', command));
  }
}

