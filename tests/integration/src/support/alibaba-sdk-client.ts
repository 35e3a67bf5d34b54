import Cas, * as $Cas from '@alicloud/cas20200407';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { AccessKeyPair } from './credentials';

/** The SDKs' default read timeout is short for a loaded test machine's first import. */
const READ_TIMEOUT_MS = 30_000;

/**
 * Alibaba's current SDK, unmodified: @alicloud/cas20200407 on @alicloud/openapi-core, with its default signature
 * (v3, ACS3-HMAC-SHA256). Only the endpoint and credentials are set, as a user pointing it at certhub would;
 * `headers` sets the SDK's own globalParameters, which tests use to pin x-acs-date or the nonce.
 */
export function casClient(gatewayUrl: string, key: AccessKeyPair, headers?: Record<string, string>): Cas {
  const url = new URL(gatewayUrl);
  const config = new $OpenApiUtil.Config({
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    endpoint: url.host,
    protocol: url.protocol.replace(':', ''),
    readTimeout: READ_TIMEOUT_MS,
    ...(headers ? { globalParameters: new $OpenApiUtil.GlobalParameters({ headers }) } : {}),
  });
  return new Cas(config);
}

export function uploadRequest(parameters: { name: string; cert: string; key: string }): $Cas.UploadUserCertificateRequest {
  return new $Cas.UploadUserCertificateRequest(parameters);
}

/**
 * CreateUserCertificate (CAS 2018-07-13) through the SDK's generic callApi, the way a user calls an action its
 * client has no method for: RPC style, a form body, JSON answers.
 */
export async function callCreateUserCertificate(client: Cas, parameters: Record<string, string>): Promise<Record<string, unknown>> {
  const params = new $OpenApiUtil.Params({
    action: 'CreateUserCertificate',
    version: '2018-07-13',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  // Default runtime options: an empty options object, as the generated methods' `new RuntimeOptions({})` is.
  const runtime = {} as Parameters<Cas['callApi']>[2];
  const answer = await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ body: parameters }), runtime);
  return answer['body'] as Record<string, unknown>;
}

/** What openapi-core throws for an error answer (ClientError, ServerError, ThrottlingError). */
export async function casFailure(call: Promise<unknown>): Promise<{ name: string; code: string; statusCode: number }> {
  const outcome = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome === null) throw new Error('the call succeeded');
  const { name, code, statusCode } = outcome as { name: string; code: string; statusCode: number };
  return { name, code, statusCode };
}
