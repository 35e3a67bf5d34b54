import { send } from './support/http-client';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

interface Document {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

const DIALECT_OPERATIONS: ReadonlyArray<[string, 'get' | 'post' | 'put', string]> = [
  ['/openapi/v1/teams/{team_id}/certificates', 'post', '/openapi/v1/teams/team-1/certificates'],
  ['/openapi/v1/teams/{team_id}/certificates/{certificate_id}', 'put', '/openapi/v1/teams/team-1/certificates/1'],
  ['/v2/{project_id}/apigw/certificates', 'post', '/v2/project-1/apigw/certificates'],
  ['/v3/scm/certificates/import', 'post', '/v3/scm/certificates/import'],
  ['/', 'get', '/'],
  ['/', 'post', '/'],
];

describe('GET /openapi.json', () => {
  it('serves the OpenAPI 3.0.3 document with the four dialects and the health endpoints', async () => {
    const response = await fetch(`${env.stack.gatewayUrl}/openapi.json`);
    const doc = (await response.json()) as Document;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(doc.openapi).toBe('3.0.3');
    for (const [path, method] of DIALECT_OPERATIONS) expect(doc.paths[path]).toHaveProperty([method]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready', '/openapi.json']));
  });

  it('documents the status each dialect really answers an anonymous request with', async () => {
    const doc = (await send('GET', `${env.stack.gatewayUrl}/openapi.json`)).body as Document;
    for (const [path, method, url] of DIALECT_OPERATIONS) {
      const answer = await send(method.toUpperCase() as 'GET' | 'POST' | 'PUT', `${env.stack.gatewayUrl}${url}`, method === 'get' ? undefined : {});
      expect({ path, method, status: answer.status, documented: Object.keys(doc.paths[path]?.[method]?.responses ?? {}).includes(String(answer.status)) })
        .toMatchObject({ documented: true });
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }
  });
});
