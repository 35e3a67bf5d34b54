import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { HuaweiIamGuard } from '../auth/huawei-iam.guard';
import { carriesContent } from '../errors/json-content-type.middleware';
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
   * A body that is not JSON never gets here (JsonContentTypeMiddleware). No content (`Content-Length: 0`, which
   * the JSON parser reads as `{}`) is APIG's missing body (APIG.2001 parameterName:body).
   */
  @Post()
  @HttpCode(200)
  async create(@ImportContext() context: ImportRequestContext, @Body() body: unknown, @Req() request: Request): Promise<ApigCertificateResponse> {
    const sent = carriesContent(request) ? body : undefined;
    const command = toCreateCommand(context.tenantId, context.requestId, readCreateCertificateRequest(sent));
    return toCertificateResponse(await this.imports.submit('create', command));
  }
}

