import { CerthubError } from '@certhub/contracts';
import { Injectable, mixin, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { attachTenant } from '../request-context/request-context';
import { CredentialResolver } from './credential-resolver.service';

/**
 * A guard for APIs that name the tenant in the path and carry a token in `Authorization` (bare, as
 * Rainbond's OpenAPI sends it, or `Bearer …`): the token's tenant must be the path's, so one tenant's token
 * never reaches another tenant's certificates. `param` is the path parameter naming the tenant. The tenant is
 * attached to the request for `@ImportContext()`.
 */
export function PathTenantTokenGuard(param: string) {
  @Injectable()
  class Guard implements CanActivate {
    constructor(private readonly credentials: CredentialResolver) {}

    async canActivate(context: ExecutionContext): Promise<boolean> {
      const request = context.switchToHttp().getRequest<Request>();
      const token = request.header('authorization')?.replace(/^Bearer\s+/i, '').trim();
      if (!token) throw new CerthubError('UNAUTHENTICATED', 'The Authorization header with a token is missing.');
      const tenantId = await this.credentials.tenantOfToken(token);
      if (!tenantId) throw new CerthubError('UNAUTHENTICATED', 'The token in the Authorization header is not valid.');
      if (tenantId !== request.params[param]) {
        throw new CerthubError('FORBIDDEN', `The token does not grant access to this ${param.replace(/_id$/, '')}.`);
      }
      attachTenant(request, tenantId);
      return true;
    }
  }
  return mixin(Guard);
}
