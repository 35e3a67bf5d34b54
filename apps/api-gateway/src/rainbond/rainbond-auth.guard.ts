import { CerthubError } from '@certhub/contracts';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CredentialResolver } from '../auth/credential-resolver.service';

/**
 * Rainbond's OpenAPI authenticates with a user token in the `Authorization` header (sent bare; a `Bearer `
 * prefix is accepted too). The token's tenant must be the path's team: one team's token never reaches
 * another team's certificates.
 */
@Injectable()
export class RainbondAuthGuard implements CanActivate {
  constructor(private readonly credentials: CredentialResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.header('authorization')?.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw new CerthubError('UNAUTHENTICATED', 'The Authorization header with a team token is missing.');
    const tenantId = await this.credentials.tenantOfToken(token);
    if (!tenantId) throw new CerthubError('UNAUTHENTICATED', 'The token in the Authorization header is not valid.');
    if (tenantId !== request.params['team_id']) {
      throw new CerthubError('FORBIDDEN', 'The token does not grant access to this team.');
    }
    return true;
  }
}
