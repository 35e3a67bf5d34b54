import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CredentialResolver } from '../auth/credential-resolver.service';
import { DialectError } from '../errors/dialect-error';

/**
 * APIG authenticates with an IAM token in `X-Auth-Token`; the token is scoped to one project, so a path naming
 * another project is refused before the body is even read. Messages are Huawei's own (APIG.1000/1002/1005).
 */
@Injectable()
export class HuaweiApigAuthGuard implements CanActivate {
  constructor(private readonly credentials: CredentialResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.header('x-auth-token')?.trim();
    if (!token) throw new DialectError('UNAUTHENTICATED', 'The token is missing', 'APIG.1000');
    const tenantId = await this.credentials.tenantOfToken(token);
    if (!tenantId) throw new DialectError('UNAUTHENTICATED', 'Incorrect token or token resolution failed', 'APIG.1002');
    if (tenantId !== request.params['project_id']) {
      throw new DialectError('FORBIDDEN', 'No permissions to request this method', 'APIG.1005');
    }
    return true;
  }
}
