import type { Request } from 'express';

export type Dialect = 'rainbond' | 'huawei-apig' | 'alibaba-cas' | 'huawei-scm' | 'certhub';

const ROUTES: ReadonlyArray<[RegExp, Dialect]> = [
  [/^\/openapi\/v1\//, 'rainbond'],
  [/^\/v2\/[^/]+\/apigw\//, 'huawei-apig'],
  [/^\/v3\/scm\//, 'huawei-scm'],
];

/**
 * Which API a request came through, from its path alone, so that even errors raised before routing (a body
 * that is not JSON, one that is too large) are answered in that API's documented error format.
 */
export function dialectOf(request: Pick<Request, 'path' | 'query' | 'body'>): Dialect {
  for (const [pattern, dialect] of ROUTES) if (pattern.test(request.path)) return dialect;
  // Alibaba's RPC style posts everything to "/" with an Action parameter.
  if (request.path === '/' || request.path === '') return 'alibaba-cas';
  return 'certhub';
}
