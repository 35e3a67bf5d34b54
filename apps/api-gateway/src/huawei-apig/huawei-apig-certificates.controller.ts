import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { HuaweiIamGuard } from '../auth/huawei-iam.guard';
import { CertificateImports } from '../imports/certificate-imports.service';
import { ImportContext, type ImportRequestContext } from '../request-context/import-context.decorator';
import type { ApigCertificateResponse } from './huawei-apig-certificate.response';
import { APIG_IAM_RULES } from './huawei-apig-iam.rules';
import { ApigParameterErrors } from './huawei-apig-parameter-errors';
import { readCreateCertificateRequest } from './huawei-apig-request';
import { toCertificateResponse, toCreateCommand } from './huawei-apig.mapper';

/** huawei-apig-create-certificate.txt: "Creating an SSL Certificate". */
@Controller('v2/:project_id/apigw/certificates')
@UseGuards(HuaweiIamGuard(APIG_IAM_RULES))
export class HuaweiApigCertificatesController {
  constructor(private readonly imports: CertificateImports) {}

  /** The guard made sure the path's project_id is the credential's, so the context's tenant is that project. */
  @Post()
  @HttpCode(200)
  async create(@ImportContext() context: ImportRequestContext, @Body() body: unknown, @Req() request: Request): Promise<ApigCertificateResponse> {
    const command = toCreateCommand(context.tenantId, context.requestId, readCreateCertificateRequest(jsonBodyOf(request, body)));
    return toCertificateResponse(await this.imports.submit('create', command));
  }
}

/**
 * APIG takes JSON only. The gateway also parses form bodies (for Alibaba's RPC style); such a body must not pass
 * for APIG parameters. A request without content (clients send `Content-Length: 0`) has no body: missing.
 */
function jsonBodyOf(request: Request, body: unknown): unknown {
  const empty = request.header('transfer-encoding') === undefined && Number(request.header('content-length') ?? 0) === 0;
  if (empty) return undefined;
  if (request.is('application/json') === false) throw ApigParameterErrors.unreadable('The request body must be JSON (Content-Type: application/json).');
  return body;
}
