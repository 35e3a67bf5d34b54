import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CertificateImports } from '../imports/certificate-imports.service';
import { readCall } from './alibaba-call';
import { CAS_OPERATIONS } from './alibaba-cas-operations';
import { toCreateCommand } from './alibaba-cas.mapper';
import { AlibabaRequestAuthenticator } from './alibaba-request-authenticator.service';
import { renderAlibabaBody } from './alibaba-response-body';

/**
 * Alibaba's RPC style: every call is GET or POST "/", naming its action and version in parameters (signature
 * v1, as @alicloud/pop-core sends) or x-acs-* headers (signature v3, as @alicloud/openapi-core sends). The
 * caller is authenticated before the action's own parameters are looked at, so an unsigned request learns
 * nothing about them.
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
    return this.upload(request, response);
  }

  @Post()
  @HttpCode(200)
  post(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.upload(request, response);
  }

  private async upload(request: Request, response: Response): Promise<string> {
    const call = readCall(request);
    const tenantId = await this.authenticator.tenantOf(request, call);
    const operation = CAS_OPERATIONS[call.action];
    const input = operation.read(call.parameters);
    const requestId: string = response.locals['requestId'];
    const stored = await this.imports.submit('create', toCreateCommand(tenantId, requestId, input));
    const rendered = renderAlibabaBody(call.format, 200, `${call.action}Response`, operation.respond(requestId, stored));
    response.type(rendered.contentType);
    return rendered.body;
  }
}
