import type { Request } from 'express';
import type { CasApi } from './alibaba-api';
import { alibabaError } from './alibaba-error-codes';
import { peekParameter, type AlibabaParameters } from './alibaba-parameters';

/** The scheme name every v3 Authorization header starts with (ACS3-HMAC-SHA256, ACS3-HMAC-SM3, ACS3-RSA-SHA256). */
const ACS3 = /^ACS3-/i;

/**
 * Whether a request uses Alibaba's signature v3 ("Request syntax and signature method V3"): it signs in an
 * `Authorization: ACS3-…` header, as @alicloud/openapi-core does by default, instead of carrying AccessKeyId and
 * Signature among its parameters. A request with x-acs-action but no Signature parameter is taken as v3 too
 * (one that lost its Authorization). pop-core (v1) also sends x-acs-action and x-acs-version, with its Signature.
 */
export function isSignatureV3(request: Request): boolean {
  const authorization = request.headers['authorization'];
  if (typeof authorization === 'string' && ACS3.test(authorization)) return true;
  return request.headers['x-acs-action'] !== undefined && peekParameter(request, 'Signature') === undefined;
}

/**
 * Signature v3 names the API in x-acs-action and x-acs-version, the headers that replace the Action and
 * Version parameters (so their absence is MissingAction / MissingVersion). A request that also sends those
 * parameters must not contradict the headers.
 */
export function apiOfHeaders(request: Request, parameters: AlibabaParameters): CasApi {
  const action = requiredHeader(request, 'x-acs-action', 'MissingAction');
  const version = requiredHeader(request, 'x-acs-version', 'MissingVersion');
  for (const [name, value] of [['Action', action], ['Version', version]] as const) {
    const parameter = parameters.get(name);
    if (parameter !== undefined && parameter !== value) {
      throw alibabaError('InvalidParameter', `The ${name} parameter contradicts the x-acs-${name.toLowerCase()} header.`);
    }
  }
  return { action, version };
}

/** A v3 header that must be present and non-empty, answered with the Missing{Parameter} code it stands for. */
export function requiredHeader(request: Request, header: string, missingCode: `Missing${string}`): string {
  const value = request.header(header)?.trim();
  if (!value) throw alibabaError(missingCode, `${header} is mandatory for this action.`);
  return value;
}
