import { send, type HttpAnswer } from './http-client';

export const SCM_IMPORT_PATH = '/v3/scm/certificates/import';

export interface ScmImportBody {
  readonly name: string;
  readonly certificate: string;
  readonly certificate_chain: string;
  readonly private_key: string;
}

/** POST /v3/scm/certificates/import as a Huawei SDK would send it: JSON body, token in X-Auth-Token. */
export function scmImport(gatewayUrl: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const all = { ...(token === null ? {} : { 'X-Auth-Token': token }), ...headers };
  // A string body is sent as it is (e.g. JSON that does not parse), still declared as JSON.
  return typeof body === 'string'
    ? send('POST', `${gatewayUrl}${SCM_IMPORT_PATH}`, body, { 'content-type': 'application/json', ...all })
    : send('POST', `${gatewayUrl}${SCM_IMPORT_PATH}`, body, all);
}

/** SCM's error body, exactly `{error_code, error_msg}`, with error_msg starting as documented. */
export function expectScmError(answer: HttpAnswer, status: number, errorCode: string, msgStart: string): void {
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body: { error_code: errorCode, error_msg: expect.any(String) } });
  const message = (answer.body as { error_msg: string }).error_msg;
  expect(message.slice(0, msgStart.length)).toBe(msgStart);
  expect(message.length).toBeLessThanOrEqual(1024);
}

/** The id SCM answers for a stored certificate: "scs" and the integer id on 13 digits. */
export function scmIdOf(storedId: number): string {
  return `scs${String(storedId).padStart(13, '0')}`;
}

/** PEM with its line breaks written as the two-character escapes SCM's documentation asks for. */
export function escapeLineBreaks(pem: string, escape: '\\n' | '\\r\\n'): string {
  return pem.replace(/\n/g, escape);
}
