import { Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { CertificateImports } from '../imports/certificate-imports.service';
import { ImportContext, type ImportRequestContext } from '../request-context/import-context.decorator';
import type { AlibabaCall } from './alibaba-call';
import { CAS_OPERATIONS } from './alibaba-cas-operations';
import { toCreateCommand } from './alibaba-cas.mapper';
import { renderAlibabaBody } from './alibaba-response-body';
import { AlibabaSignatureGuard, SignedCall } from './alibaba-signature.guard';

/**
 * Alibaba's RPC style: every call is GET or POST "/", naming its action and version in parameters (signature
 * v1, as @alicloud/pop-core sends) or x-acs-* headers (signature v3, as @alicloud/openapi-core sends). The
 * guard authenticates the caller before the action's own parameters are looked at, so an unsigned request
 * learns nothing about them. `@Res` stays for one reason: the answer's content type follows the call's Format.
 */
@Controller()
@UseGuards(AlibabaSignatureGuard)
export class AlibabaCasController {
  constructor(private readonly imports: CertificateImports) {}

  @Get()
  @HttpCode(200)
  get(@SignedCall() call: AlibabaCall, @ImportContext() context: ImportRequestContext, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.upload(call, context, response);
  }

  @Post()
  @HttpCode(200)
  post(@SignedCall() call: AlibabaCall, @ImportContext() context: ImportRequestContext, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.upload(call, context, response);
  }

  private async upload(call: AlibabaCall, { tenantId, requestId }: ImportRequestContext, response: Response): Promise<string> {
    const operation = CAS_OPERATIONS[call.action];
    const input = operation.read(call.parameters);
    const stored = await this.imports.submit('create', toCreateCommand(tenantId, requestId, input));
    const rendered = renderAlibabaBody(call.format, 200, `${call.action}Response`, operation.respond(requestId, stored));
    response.type(rendered.contentType);
    return rendered.body;
  }
}
