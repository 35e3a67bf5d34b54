import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CertificateImports } from '../imports/certificate-imports.service';
import { checkApi, CREATE_USER_CERTIFICATE } from './alibaba-api';
import { toCreateCommand, toResponse } from './alibaba-cas.mapper';
import { readParameters } from './alibaba-parameters';
import { AlibabaRequestAuthenticator } from './alibaba-request-authenticator.service';
import { renderAlibabaBody } from './alibaba-response-body';
import { checkFormat } from './alibaba-response-format';
import { readCreateUserCertificate } from './create-user-certificate.request';

/**
 * Alibaba's RPC style: every call is GET or POST "/" with Action and Version among its parameters
 * (alibaba-cas-create-user-certificate.md). The caller is authenticated before its own parameters are
 * looked at, so an unsigned request learns nothing about them.
 */
@Controller()
export class AlibabaCasController {
  constructor(
    private readonly authenticator: AlibabaRequestAuthenticator,
    private readonly imports: CertificateImports,
  ) {}

  @Get()
  @HttpCode(200)
  get(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.createUserCertificate(request, response);
  }

  @Post()
  @HttpCode(200)
  post(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.createUserCertificate(request, response);
  }

  private async createUserCertificate(request: Request, response: Response): Promise<string> {
    const parameters = readParameters(request);
    const format = checkFormat(parameters);
    checkApi(parameters);
    const tenantId = await this.authenticator.tenantOf(request.method, parameters);
    const input = readCreateUserCertificate(parameters);
    const requestId: string = response.locals['requestId'];
    const stored = await this.imports.submit('create', toCreateCommand(tenantId, requestId, input));
    const rendered = renderAlibabaBody(format, 200, `${CREATE_USER_CERTIFICATE}Response`, toResponse(requestId, stored));
    response.type(rendered.contentType);
    return rendered.body;
  }
}
