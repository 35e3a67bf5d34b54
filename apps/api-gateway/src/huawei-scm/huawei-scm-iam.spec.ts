import { CerthubError } from '@certhub/contracts';
import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CredentialResolver } from '../auth/credential-resolver.service';
import type { HuaweiAkskAuthenticator } from '../auth/huawei-aksk/huawei-aksk-authenticator.service';
import { HuaweiIamGuard } from '../auth/huawei-iam.guard';
import { attachRequestId, importContextOf } from '../request-context/request-context';
import { SCM_IAM_RULES } from './huawei-scm-iam.rules';

const TOKEN_A = `cht_${'a'.repeat(43)}`;

/** A request as the guard sees it: SCM's path names no project, so there are no params to read. */
function contextWith(headers: Record<string, string>): { context: ExecutionContext; request: Request } {
  const request = { header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
  attachRequestId(request, 'req-1');
  return { context: { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext, request };
}

describe('HuaweiIamGuard with the SCM rules', () => {
  const tenantOfToken = jest.fn(async (token: string) => (token === TOKEN_A ? 'project-a' : null));
  const akskTenantOf = jest.fn(async () => 'project-a');
  const Guard = HuaweiIamGuard(SCM_IAM_RULES);
  const guard = new Guard({ tenantOfToken } as unknown as CredentialResolver, { tenantOf: akskTenantOf } as unknown as HuaweiAkskAuthenticator);
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

  it('lets a known token through and hands its tenant to the handler', async () => {
    const { context, request } = contextWith({ 'x-auth-token': TOKEN_A });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(importContextOf(request)).toEqual({ tenantId: 'project-a', requestId: 'req-1' });
  });

  it('accepts X-Project-Id naming the token own project', async () => {
    const { context, request } = contextWith({ 'x-auth-token': TOKEN_A, 'x-project-id': 'project-a' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(importContextOf(request).tenantId).toBe('project-a');
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

  it('looks the token up as sent, untrimmed, as SCM always has', async () => {
    expect(await refusal({ 'x-auth-token': `${TOKEN_A}\u00a0` })).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the token is not valid.' });
  });

  it.each(['project-b', ''])('refuses X-Project-Id %j that is not the token project', async (projectId) => {
    expect(await refusal({ 'x-auth-token': TOKEN_A, 'x-project-id': projectId })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("takes an AK/SK-signed request's tenant from the AK, not from a token", async () => {
    const { context, request } = contextWith({ authorization: SIGNED, 'x-project-id': 'project-a' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(importContextOf(request).tenantId).toBe('project-a');
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
