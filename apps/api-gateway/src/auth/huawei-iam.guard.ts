import type { CerthubError } from '@certhub/contracts';
import { Injectable, mixin, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { attachTenant } from '../request-context/request-context';
import { CredentialResolver } from './credential-resolver.service';
import { HuaweiAkskAuthenticator } from './huawei-aksk/huawei-aksk-authenticator.service';
import { isAkskSigned } from './huawei-aksk/huawei-authorization';

/**
 * What differs between the Huawei APIs certhub speaks (APIG, SCM) under the one IAM scheme: how each words a
 * refused token or project, and whether its path names the project. AK/SK failures are worded alike for both
 * (HuaweiAkskAuthenticator).
 */
export interface HuaweiIamRules {
  /** The path parameter naming the project, which must be the credential's (APIG); null where the path names none (SCM). */
  readonly projectParam: string | null;
  /** A shorter X-Auth-Token is no token at all, refused without asking storage. */
  readonly minTokenLength: number;
  /**
   * Whether X-Auth-Token is trimmed before it is looked up. APIG always has and SCM never has (Node already strips
   * spaces and tabs; this is about a trailing non-breaking space); kept apart so neither starts accepting a token it refused.
   */
  readonly trimToken: boolean;
  readonly tokenMissing: () => CerthubError;
  readonly tokenInvalid: () => CerthubError;
  /** The path or X-Project-Id names a project other than the credential's. */
  readonly otherProject: () => CerthubError;
}

/**
 * Huawei IAM: an IAM token in `X-Auth-Token` or, as Huawei's SDKs sign, `Authorization: SDK-HMAC-SHA256 …`. Either
 * belongs to one project, the tenant. A client may name the project it means in `X-Project-Id` (the SDK's
 * BasicCredentials send it): another project than the credential's is refused, never silently replaced, so a
 * caller that believes it writes into project B does not end up writing into A. The tenant is attached to the
 * request for `@ImportContext()`.
 */
export function HuaweiIamGuard(rules: HuaweiIamRules) {
  @Injectable()
  class Guard implements CanActivate {
    constructor(
      private readonly credentials: CredentialResolver,
      private readonly aksk: HuaweiAkskAuthenticator,
    ) {}

    async canActivate(context: ExecutionContext): Promise<boolean> {
      const request = context.switchToHttp().getRequest<Request>();
      const tenantId = isAkskSigned(request.header('authorization')) ? await this.aksk.tenantOf(request) : await this.tokenTenant(request);
      const pathProject = rules.projectParam === null ? tenantId : request.params[rules.projectParam];
      const headerProject = request.header('x-project-id');
      if (pathProject !== tenantId || (headerProject !== undefined && headerProject !== tenantId)) throw rules.otherProject();
      attachTenant(request, tenantId);
      return true;
    }

    private async tokenTenant(request: Request): Promise<string> {
      const header = request.header('x-auth-token');
      const token = rules.trimToken ? header?.trim() : header;
      if (!token) throw rules.tokenMissing();
      const tenantId = token.length < rules.minTokenLength ? null : await this.credentials.tenantOfToken(token);
      if (!tenantId) throw rules.tokenInvalid();
      return tenantId;
    }
  }
  return mixin(Guard);
}
