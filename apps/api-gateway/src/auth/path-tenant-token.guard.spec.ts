import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { attachRequestId, importContextOf } from '../request-context/request-context';
import type { CredentialResolver } from './credential-resolver.service';
import { PathTenantTokenGuard } from './path-tenant-token.guard';

describe('PathTenantTokenGuard', () => {
  const credentials = { tenantOfToken: async (token: string) => (token === 'token-a' ? 'team-a' : null) } as unknown as CredentialResolver;
  const Guard = PathTenantTokenGuard('team_id');
  const guard = new Guard(credentials);

  /** 'allowed for <tenant>' as the handler would see it, or the refusal's code and message. */
  function outcome(teamId: string, authorization?: string): Promise<string> {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const request = { params: { team_id: teamId }, header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
    attachRequestId(request, 'req-1');
    const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    return guard.canActivate(context).then(
      () => `allowed for ${importContextOf(request).tenantId}`,
      (error: { code: string; message: string }) => `${error.code} ${error.message}`,
    );
  }

  it('lets a token into its own tenant, bare or as Bearer, and hands the tenant to the handler', async () => {
    expect(await outcome('team-a', 'token-a')).toBe('allowed for team-a');
    expect(await outcome('team-a', 'Bearer token-a')).toBe('allowed for team-a');
  });

  it('refuses a missing or unknown token (401) and another tenant (403)', async () => {
    expect(await outcome('team-a')).toBe('UNAUTHENTICATED The Authorization header with a token is missing.');
    expect(await outcome('team-a', 'Bearer nope')).toBe('UNAUTHENTICATED The token in the Authorization header is not valid.');
    expect(await outcome('team-b', 'token-a')).toBe('FORBIDDEN The token does not grant access to this team.');
  });
});
