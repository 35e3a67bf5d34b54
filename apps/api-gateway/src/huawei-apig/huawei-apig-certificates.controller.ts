import { Body, Controller, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CertificateImports } from '../imports/certificate-imports.service';
import { HuaweiApigAuthGuard } from './huawei-apig-auth.guard';
import type { ApigCertificateResponse } from './huawei-apig-certificate.response';
import { ApigParameterErrors } from './huawei-apig-parameter-errors';
import { readCreateCertificateRequest } from './huawei-apig-request';
import { toCertificateResponse, toCreateCommand } from './huawei-apig.mapper';

/** huawei-apig-create-certificate.txt: "Creating an SSL Certificate". */
@Controller('v2/:project_id/apigw/certificates')
@UseGuards(HuaweiApigAuthGuard)
export class HuaweiApigCertificatesController {
  constructor(private readonly imports: CertificateImports) {}

  @Post()
  @HttpCode(200)
  async create(
    @Param('project_id') projectId: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApigCertificateResponse> {
    const command = toCreateCommand(projectId, response.locals['requestId'], readCreateCertificateRequest(jsonBodyOf(request, body)));
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
