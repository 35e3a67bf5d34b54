import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CredentialResolver } from '../auth/credential-resolver.service';
import type { HuaweiAkskAuthenticator } from '../auth/huawei-aksk/huawei-aksk-authenticator.service';
import { HuaweiIamGuard } from '../auth/huawei-iam.guard';
import { attachRequestId, importContextOf } from '../request-context/request-context';
import { APIG_IAM_RULES } from './huawei-apig-iam.rules';

const SIGNED = 'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, Signature=00';

describe('HuaweiIamGuard with the APIG rules', () => {
  const tenantOfToken = jest.fn(async (token: string) => (token === 'token-a' ? 'project-a' : null));
  const akskTenantOf = jest.fn(async () => 'project-a');
  const Guard = HuaweiIamGuard(APIG_IAM_RULES);
  const guard = new Guard({ tenantOfToken } as unknown as CredentialResolver, { tenantOf: akskTenantOf } as unknown as HuaweiAkskAuthenticator);

  /** 'allowed' and the tenant handed to the handler, or the APIG code of the refusal. */
  function outcome(projectId: string, headers: Record<string, string>): Promise<string> {
    const request = { params: { project_id: projectId }, headers, header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
    attachRequestId(request, 'req-1');
    const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    return guard.canActivate(context).then(
      () => `allowed for ${importContextOf(request).tenantId}`,
      (error: { dialectCode?: string }) => error.dialectCode ?? 'no code',
    );
  }

  it("lets an AK/SK-signed request into its AK's project, with or without X-Project-Id", async () => {
    expect(await outcome('project-a', { authorization: SIGNED })).toBe('allowed for project-a');
    expect(await outcome('project-a', { authorization: SIGNED, 'x-project-id': 'project-a' })).toBe('allowed for project-a');
    expect(tenantOfToken).not.toHaveBeenCalled();
  });

  it("refuses with 403 APIG.1005 a path project_id or an X-Project-Id other than the AK's or the token's", async () => {
    expect(await outcome('project-b', { authorization: SIGNED })).toBe('APIG.1005');
    expect(await outcome('project-a', { authorization: SIGNED, 'x-project-id': 'project-b' })).toBe('APIG.1005');
    expect(await outcome('project-b', { 'x-auth-token': 'token-a' })).toBe('APIG.1005');
    expect(await outcome('project-a', { 'x-auth-token': 'token-a', 'x-project-id': '' })).toBe('APIG.1005');
    expect(await outcome('project-a', { 'x-auth-token': 'token-a' })).toBe('allowed for project-a');
  });

  it('answers a missing token APIG.1000 and an unknown one APIG.1002; a short token is still looked up', async () => {
    expect(await outcome('project-a', {})).toBe('APIG.1000');
    expect(await outcome('project-a', { 'x-auth-token': 'short' })).toBe('APIG.1002');
    expect(tenantOfToken).toHaveBeenCalledWith('short');
  });

  it('trims the token before looking it up, as APIG always has', async () => {
    expect(await outcome('project-a', { 'x-auth-token': 'token-a\u00a0' })).toBe('allowed for project-a');
  });
});
