import { CerthubError } from '@certhub/contracts';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CredentialResolver } from '../auth/credential-resolver.service';

/**
 * certhub's own read API authenticates with a tenant token in `Authorization` (bare, or with `Bearer `),
 * like Rainbond's; the token's tenant must be the path's tenant, so one tenant never lists another's
 * certificates.
 */
@Injectable()
export class TenantTokenGuard implements CanActivate {
  constructor(private readonly credentials: CredentialResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.header('authorization')?.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw new CerthubError('UNAUTHENTICATED', 'The Authorization header with a tenant token is missing.');
    const tenantId = await this.credentials.tenantOfToken(token);
    if (!tenantId) throw new CerthubError('UNAUTHENTICATED', 'The token in the Authorization header is not valid.');
    if (tenantId !== request.params['tenant_id']) {
      throw new CerthubError('FORBIDDEN', 'The token does not grant access to this tenant.');
    }
    return true;
  }
}
