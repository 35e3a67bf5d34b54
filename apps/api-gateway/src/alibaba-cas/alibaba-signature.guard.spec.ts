import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import type { CredentialResolver } from '../auth/credential-resolver.service';
import { attachRequestId, importContextOf } from '../request-context/request-context';
import { AlibabaNonceCache } from './alibaba-nonce-cache';
import type { AlibabaNonceLedger } from './alibaba-nonce-ledger';
import { AlibabaRequestAuthenticator } from './alibaba-request-authenticator.service';
import { sign, stringToSign } from './alibaba-signature';
import { AlibabaSignatureGuard, SignedCall } from './alibaba-signature.guard';

const AK = 'LTAI5tQ4XnVrLkP8mY2wZcJd';
const SECRET = 'Vq9bH3kLmN7pR2sT5wX8yZ1aC4dF6g';

/** A signature v1 GET as pop-core sends it, every parameter in the query. */
function signedGet(parameters: Record<string, string>): Request {
  const all = new Map(Object.entries({
    AccessKeyId: AK, SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: `n-${Math.random()}`,
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), ...parameters,
  }));
  all.set('Signature', sign(stringToSign('GET', all), SECRET));
  const url = `/?${new URLSearchParams([...all])}`;
  const request = { method: 'GET', url, originalUrl: url, headers: {}, header: () => undefined } as unknown as Request;
  attachRequestId(request, 'req-1');
  return request;
}

function signedCallOf(request: Request): unknown {
  class Probe {
    handler(@SignedCall() call: unknown): unknown {
      return call;
    }
  }
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler') as Record<string, { factory: (data: unknown, context: ExecutionContext) => unknown }>;
  return Object.values(args)[0]?.factory(undefined, contextOf(request));
}

const contextOf = (request: Request) => ({ switchToHttp: () => ({ getRequest: () => request }) }) as unknown as ExecutionContext;

describe('AlibabaSignatureGuard', () => {
  const accessKey = jest.fn(async (id: string) => (id === AK ? { tenantId: 'account-1', secret: SECRET } : null));
  let nonces: AlibabaNonceCache;
  let guard: AlibabaSignatureGuard;
  beforeEach(() => {
    accessKey.mockClear();
    nonces = new AlibabaNonceCache({ noncesPerAccessKey: 100, nonceCapacity: 1000 });
    const ledger = { claim: async () => undefined } as unknown as AlibabaNonceLedger;
    guard = new AlibabaSignatureGuard(new AlibabaRequestAuthenticator({ accessKey } as unknown as CredentialResolver, nonces, ledger));
  });
  afterEach(() => nonces.onModuleDestroy());

  it("attaches the AccessKey's tenant and keeps the call it authenticated for the handler", async () => {
    const request = signedGet({ Action: 'CreateUserCertificate', Version: '2018-07-13', Format: 'JSON', Name: 'n' });
    await expect(guard.canActivate(contextOf(request))).resolves.toBe(true);
    expect(importContextOf(request)).toEqual({ tenantId: 'account-1', requestId: 'req-1' });
    expect(signedCallOf(request)).toMatchObject({ signatureVersion: 'v1', action: 'CreateUserCertificate', format: 'JSON' });
  });

  it('answers a call certhub does not serve before looking at the signature', async () => {
    const request = signedGet({ Action: 'CreateUserCertificate', Version: '2017-01-01' });
    await expect(guard.canActivate(contextOf(request))).rejects.toMatchObject({ dialectCode: 'InvalidVersion' });
    expect(accessKey).not.toHaveBeenCalled();
  });

  it('keeps no call for a request it refused', async () => {
    const request = signedGet({ Action: 'CreateUserCertificate', Version: '2018-07-13', AccessKeyId: 'LTAIunknownunknownunkn' });
    await expect(guard.canActivate(contextOf(request))).rejects.toMatchObject({ dialectCode: 'InvalidAccessKeyId.NotFound' });
    expect(() => signedCallOf(request)).toThrow(/not behind AlibabaSignatureGuard/);
  });
});
