import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { attachTenant } from '../request-context/request-context';
import { readCall, type AlibabaCall } from './alibaba-call';
import { AlibabaRequestAuthenticator } from './alibaba-request-authenticator.service';

/** The call each request was authenticated for, so the handler serves exactly what was checked, read once. */
const CALLS = new WeakMap<Request, AlibabaCall>();

/**
 * Alibaba's signature (v1 or v3). The call is read first, in Alibaba's order (parameters, Format, which API), so a
 * call certhub does not serve is answered before its signature is looked at; then the signature is checked and the
 * AccessKey's tenant attached to the request for `@ImportContext()`, the call kept for `@SignedCall()`.
 */
@Injectable()
export class AlibabaSignatureGuard implements CanActivate {
  constructor(private readonly authenticator: AlibabaRequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const call = readCall(request);
    attachTenant(request, await this.authenticator.tenantOf(request, call));
    CALLS.set(request, call);
    return true;
  }
}

/** `@SignedCall() call: AlibabaCall`: the action, Format and parameters AlibabaSignatureGuard authenticated. */
export const SignedCall = createParamDecorator((_data: unknown, context: ExecutionContext): AlibabaCall => {
  const call = CALLS.get(context.switchToHttp().getRequest<Request>());
  if (!call) throw new Error('No signed Alibaba call on this request: its route is not behind AlibabaSignatureGuard.');
  return call;
});
