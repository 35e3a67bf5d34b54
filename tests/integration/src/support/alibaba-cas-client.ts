import { createHmac, randomUUID } from 'node:crypto';
import type { AccessKeyPair } from './credentials';
import type { HttpAnswer } from './http-client';

/**
 * A hand-written Alibaba RPC signature v1 client, independent of the gateway's code, for the requests an
 * SDK would never send: stale timestamps, replayed nonces, tampered parameters, wrong versions.
 */
export interface CasCall {
  readonly key: AccessKeyPair;
  /** CreateUserCertificate's own parameters (Cert, Key, Name, …). */
  readonly params?: Record<string, string>;
  readonly method?: 'GET' | 'POST';
  /** Common parameters to replace (a string) or leave out (null) before signing. */
  readonly common?: Record<string, string | null>;
  /** Parameters changed after signing, to break the signature. */
  readonly tamper?: Record<string, string>;
  /** The secret to sign with, when it should not be the key's own. */
  readonly signWith?: string;
  readonly headers?: Record<string, string>;
}

/** Alibaba's percentEncode, written the way its SDKs do it (encodeURIComponent plus !'()*). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Now as Alibaba's Timestamp: YYYY-MM-DDThh:mm:ssZ, shifted by offsetMs. */
export function casTimestamp(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function signedParameters(call: CasCall): Record<string, string> {
  const method = call.method ?? 'POST';
  const all: Record<string, string | null> = {
    Action: 'CreateUserCertificate', Version: '2018-07-13', Format: 'JSON', AccessKeyId: call.key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: randomUUID(), Timestamp: casTimestamp(),
    ...call.params, ...call.common, Signature: null,
  };
  const parameters = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null));
  const canonical = Object.keys(parameters).sort().map((name) => `${percentEncode(name)}=${percentEncode(parameters[name] as string)}`).join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  const signature = createHmac('sha1', `${call.signWith ?? call.key.accessKeySecret}&`).update(stringToSign).digest('base64');
  const signed: Record<string, string> = { ...parameters, Signature: signature, ...call.tamper };
  // common.Signature replaces (or, null, removes) the computed signature itself.
  const replaced = call.common?.['Signature'];
  if (replaced === null) delete signed['Signature'];
  else if (replaced !== undefined) signed['Signature'] = replaced;
  return signed;
}

/** Sends parameters as pop-core does: a query string for GET, a form body for POST. */
export async function sendParameters(gatewayUrl: string, method: 'GET' | 'POST', parameters: Record<string, string>, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const encoded = Object.entries(parameters).map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
  const response = method === 'GET'
    ? await fetch(`${gatewayUrl}/?${encoded}`, { headers })
    : await fetch(`${gatewayUrl}/`, { method, body: encoded, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // XML or plain text: the raw text is the body.
  }
  return { status: response.status, body, text };
}

export function callCas(gatewayUrl: string, call: CasCall): Promise<HttpAnswer> {
  return sendParameters(gatewayUrl, call.method ?? 'POST', signedParameters(call), call.headers);
}

/** Alibaba's JSON error body: {RequestId, HostId, Code, Message, Recommend} and the code's HTTP status. */
export function expectCasError(answer: HttpAnswer, status: number, code: string): void {
  expect({ status: answer.status, code: (answer.body as { Code?: unknown }).Code }).toEqual({ status, code });
  expect(answer.body).toEqual({
    RequestId: expect.any(String), HostId: expect.any(String), Code: code, Message: expect.any(String), Recommend: expect.stringContaining(code),
  });
}
