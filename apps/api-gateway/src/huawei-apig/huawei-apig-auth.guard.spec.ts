import type { ExecutionContext } from '@nestjs/common';
import type { CredentialResolver } from '../auth/credential-resolver.service';
import type { HuaweiAkskAuthenticator } from '../auth/huawei-aksk/huawei-aksk-authenticator.service';
import { HuaweiApigAuthGuard } from './huawei-apig-auth.guard';

const SIGNED = 'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, Signature=00';

describe('HuaweiApigAuthGuard', () => {
  const tenantOfToken = jest.fn(async (token: string) => (token === 'token-a' ? 'project-a' : null));
  const akskTenantOf = jest.fn(async () => 'project-a');
  const guard = new HuaweiApigAuthGuard({ tenantOfToken } as unknown as CredentialResolver, { tenantOf: akskTenantOf } as unknown as HuaweiAkskAuthenticator);

  function outcome(projectId: string, headers: Record<string, string>): Promise<string> {
    const request = { params: { project_id: projectId }, headers, header: (name: string) => headers[name.toLowerCase()] };
    const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    return guard.canActivate(context).then(
      () => 'allowed',
      (error: { dialectCode?: string }) => error.dialectCode ?? 'no code',
    );
  }

  it("lets an AK/SK-signed request into its AK's project, with or without X-Project-Id", async () => {
    expect(await outcome('project-a', { authorization: SIGNED })).toBe('allowed');
    expect(await outcome('project-a', { authorization: SIGNED, 'x-project-id': 'project-a' })).toBe('allowed');
    expect(tenantOfToken).not.toHaveBeenCalled();
  });

  it("refuses with 403 APIG.1005 a path project_id or an X-Project-Id other than the AK's or the token's", async () => {
    expect(await outcome('project-b', { authorization: SIGNED })).toBe('APIG.1005');
    expect(await outcome('project-a', { authorization: SIGNED, 'x-project-id': 'project-b' })).toBe('APIG.1005');
    expect(await outcome('project-b', { 'x-auth-token': 'token-a' })).toBe('APIG.1005');
    expect(await outcome('project-a', { 'x-auth-token': 'token-a', 'x-project-id': '' })).toBe('APIG.1005');
    expect(await outcome('project-a', { 'x-auth-token': 'token-a' })).toBe('allowed');
  });
});
