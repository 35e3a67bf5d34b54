import { CerthubError } from '@certhub/contracts';
import type { ExecutionContext } from '@nestjs/common';
import type { CredentialResolver } from '../auth/credential-resolver.service';
import type { HuaweiAkskAuthenticator } from '../auth/huawei-aksk/huawei-aksk-authenticator.service';
import { HuaweiScmAuthGuard, SCM_TENANT_LOCAL } from './huawei-scm-auth.guard';

const TOKEN_A = `cht_${'a'.repeat(43)}`;

function contextWith(headers: Record<string, string>): { context: ExecutionContext; locals: Record<string, unknown> } {
  const locals: Record<string, unknown> = {};
  const request = { header: (name: string) => headers[name.toLowerCase()] };
  const http = { getRequest: () => request, getResponse: () => ({ locals }) };
  return { context: { switchToHttp: () => http } as unknown as ExecutionContext, locals };
}

describe('HuaweiScmAuthGuard', () => {
  const tenantOfToken = jest.fn(async (token: string) => (token === TOKEN_A ? 'project-a' : null));
  const akskTenantOf = jest.fn(async () => 'project-a');
  const guard = new HuaweiScmAuthGuard({ tenantOfToken } as unknown as CredentialResolver, { tenantOf: akskTenantOf } as unknown as HuaweiAkskAuthenticator);
  const SIGNED = 'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, Signature=00';
  beforeEach(() => {
    tenantOfToken.mockClear();
    akskTenantOf.mockClear();
  });

  async function refusal(headers: Record<string, string>): Promise<CerthubError> {
    const error = await guard.canActivate(contextWith(headers).context).catch((caught: unknown) => caught);
    if (!(error instanceof CerthubError)) throw new Error('expected a CerthubError');
    return error;
  }

  it('lets a known token through and hands its tenant to the controller', async () => {
    const { context, locals } = contextWith({ 'x-auth-token': TOKEN_A });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(locals[SCM_TENANT_LOCAL]).toBe('project-a');
  });

  it('accepts X-Project-Id naming the token own project', async () => {
    const { context, locals } = contextWith({ 'x-auth-token': TOKEN_A, 'x-project-id': 'project-a' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(locals[SCM_TENANT_LOCAL]).toBe('project-a');
  });

  it('refuses a missing token without asking storage', async () => {
    expect(await refusal({})).toMatchObject({ code: 'UNAUTHENTICATED', message: 'x-auth-token not found.' });
    expect(tenantOfToken).not.toHaveBeenCalled();
  });

  it('refuses a token shorter than the documented 32 characters without asking storage', async () => {
    expect(await refusal({ 'x-auth-token': 'short' })).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the token is not valid.' });
    expect(tenantOfToken).not.toHaveBeenCalled();
  });

  it('refuses an unknown token', async () => {
    expect(await refusal({ 'x-auth-token': `cht_${'b'.repeat(43)}` })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each(['project-b', ''])('refuses X-Project-Id %j that is not the token project', async (projectId) => {
    expect(await refusal({ 'x-auth-token': TOKEN_A, 'x-project-id': projectId })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("takes an AK/SK-signed request's tenant from the AK, not from a token", async () => {
    const { context, locals } = contextWith({ authorization: SIGNED, 'x-project-id': 'project-a' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(locals[SCM_TENANT_LOCAL]).toBe('project-a');
    expect(akskTenantOf).toHaveBeenCalledTimes(1);
    expect(tenantOfToken).not.toHaveBeenCalled();
  });

  it("refuses an AK/SK-signed request whose X-Project-Id is not the AK's project", async () => {
    expect(await refusal({ authorization: SIGNED, 'x-project-id': 'project-b' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('passes on UNAVAILABLE when credentials cannot be checked', async () => {
    tenantOfToken.mockRejectedValueOnce(new CerthubError('UNAVAILABLE', 'down'));
    expect(await refusal({ 'x-auth-token': TOKEN_A })).toMatchObject({ code: 'UNAVAILABLE' });
  });
});
