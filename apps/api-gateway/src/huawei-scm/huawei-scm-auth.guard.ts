import { CerthubError } from '@certhub/contracts';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CredentialResolver } from '../auth/credential-resolver.service';
import { HuaweiAkskAuthenticator } from '../auth/huawei-aksk/huawei-aksk-authenticator.service';
import { isAkskSigned } from '../auth/huawei-aksk/huawei-authorization';

/** The documented minimum length of X-Auth-Token: anything shorter is not a token, so storage is not asked. */
export const MIN_TOKEN_LENGTH = 32;

/** Where the guard leaves the tenant for the controller (next to RequestIdMiddleware's requestId). */
export const SCM_TENANT_LOCAL = 'huaweiScmTenantId';

/**
 * SCM authenticates with an IAM token in `X-Auth-Token` or, as Huawei's SDKs do, an AK/SK signature
 * (`Authorization: SDK-HMAC-SHA256 …`); the token's or AK's tenant is the Huawei project that owns the
 * certificate (SCM's path names no project). A client may name the project it means in `X-Project-Id`,
 * Huawei's multi-project header (the SDK's BasicCredentials send it): a project other than the credential's
 * is refused (403), never silently replaced, so a caller that believes it writes into project B does not end
 * up writing into A.
 */
@Injectable()
export class HuaweiScmAuthGuard implements CanActivate {
  constructor(
    private readonly credentials: CredentialResolver,
    private readonly aksk: HuaweiAkskAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const tenantId = isAkskSigned(request.header('authorization')) ? await this.aksk.tenantOf(request) : await this.tokenTenant(request);
    const projectId = request.header('x-project-id');
    if (projectId !== undefined && projectId !== tenantId) {
      throw new CerthubError('FORBIDDEN', 'The credential does not grant access to the project named in X-Project-Id.');
    }
    context.switchToHttp().getResponse<Response>().locals[SCM_TENANT_LOCAL] = tenantId;
    return true;
  }

  private async tokenTenant(request: Request): Promise<string> {
    const token = request.header('x-auth-token');
    if (!token) throw new CerthubError('UNAUTHENTICATED', 'x-auth-token not found.');
    const tenantId = token.length < MIN_TOKEN_LENGTH ? null : await this.credentials.tenantOfToken(token);
    if (!tenantId) throw new CerthubError('UNAUTHENTICATED', 'the token is not valid.');
    return tenantId;
  }
}
