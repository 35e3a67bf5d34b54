import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CredentialResolver } from '../auth/credential-resolver.service';
import { HuaweiAkskAuthenticator } from '../auth/huawei-aksk/huawei-aksk-authenticator.service';
import { isAkskSigned } from '../auth/huawei-aksk/huawei-authorization';
import { DialectError } from '../errors/dialect-error';

/**
 * APIG authenticates with an IAM token in `X-Auth-Token` or, as Huawei's SDKs do, an AK/SK signature
 * (`Authorization: SDK-HMAC-SHA256 …`). Either one belongs to one project, so a path naming another project, or
 * an `X-Project-Id` naming another one, is refused before the body is even read. Token messages are Huawei's own
 * (APIG.1000/1002/1005); AK/SK failures are the API gateway's APIG.0301 (HuaweiAkskAuthenticator).
 */
@Injectable()
export class HuaweiApigAuthGuard implements CanActivate {
  constructor(
    private readonly credentials: CredentialResolver,
    private readonly aksk: HuaweiAkskAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const tenantId = isAkskSigned(request.header('authorization')) ? await this.aksk.tenantOf(request) : await this.tokenTenant(request);
    const projectHeader = request.header('x-project-id');
    if (tenantId !== request.params['project_id'] || (projectHeader !== undefined && projectHeader !== tenantId)) {
      throw new DialectError('FORBIDDEN', 'No permissions to request this method', 'APIG.1005');
    }
    return true;
  }

  private async tokenTenant(request: Request): Promise<string> {
    const token = request.header('x-auth-token')?.trim();
    if (!token) throw new DialectError('UNAUTHENTICATED', 'The token is missing', 'APIG.1000');
    const tenantId = await this.credentials.tenantOfToken(token);
    if (!tenantId) throw new DialectError('UNAUTHENTICATED', 'Incorrect token or token resolution failed', 'APIG.1002');
    return tenantId;
  }
}
