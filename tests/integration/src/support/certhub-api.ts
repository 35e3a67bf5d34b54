import { send, type HttpAnswer } from './http-client';
import type { SuiteEnvironment } from './suite-environment';

/** certhub's own API on one tenant's path, called with one token (a tenant's own, or another's to test refusal). */
export interface CerthubApi {
  get(id: number | string): Promise<HttpAnswer>;
  list(query?: string): Promise<HttpAnswer>;
  versions(id: number | string): Promise<HttpAnswer>;
  rollback(id: number | string, body: unknown, idempotencyKey?: string): Promise<HttpAnswer>;
  delete(id: number | string, idempotencyKey?: string): Promise<HttpAnswer>;
}

export function certhubApi(env: SuiteEnvironment, tenantId: string, token: string): CerthubApi {
  const base = `${env.stack.gatewayUrl}/certhub/v1/tenants/${encodeURIComponent(tenantId)}/certificates`;
  const headers = (key?: string) => ({ Authorization: token, ...(key !== undefined && { 'Idempotency-Key': key }) });
  return {
    get: (id) => send('GET', `${base}/${id}`, undefined, headers()),
    list: (query = '') => send('GET', `${base}${query ? `?${query}` : ''}`, undefined, headers()),
    versions: (id) => send('GET', `${base}/${id}/versions`, undefined, headers()),
    rollback: (id, body, key) => send('POST', `${base}/${id}/rollback`, body, headers(key)),
    delete: (id, key) => send('DELETE', `${base}/${id}`, undefined, headers(key)),
  };
}
