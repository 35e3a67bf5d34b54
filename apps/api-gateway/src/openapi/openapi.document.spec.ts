import { OPENAPI_DOCUMENT } from './openapi.document';
import type { HttpMethod, Operation, Parameter, Reference } from './openapi.types';

const doc = OPENAPI_DOCUMENT;

const operations = (): Array<[string, HttpMethod, Operation]> =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]): [string, HttpMethod, Operation] => [path, method as HttpMethod, operation as Operation]),
  );

/** Every value of `key` anywhere under `node`. */
function collect(node: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((child) => collect(child, key, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [name, child] of Object.entries(node)) {
      if (name === key) found.push(child);
      collect(child, key, found);
    }
  }
  return found;
}

function resolve<T>(value: T | Reference): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value as T;
  const target = value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
  if (target === undefined) throw new Error(`unresolved ${value.$ref}`);
  return target as T;
}

describe('OpenAPI document: structure', () => {
  it('is OpenAPI 3.0.3 and survives a JSON round trip unchanged', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('resolves every $ref', () => {
    const refs = collect(doc, '$ref') as string[];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) expect(() => resolve({ $ref: ref })).not.toThrow();
  });

  it('uses every component schema it defines', () => {
    const used = new Set((collect(doc, '$ref') as string[]).map((ref) => ref.split('/').pop()));
    expect(Object.keys(doc.components.schemas ?? {}).filter((name) => !used.has(name))).toEqual([]);
  });

  it('compiles every pattern as an ECMAScript regular expression', () => {
    for (const pattern of collect(doc, 'pattern')) expect(() => new RegExp(pattern as string)).not.toThrow();
  });

  it('gives every operation a unique id, declared tags, known security schemes and a success (2xx) plus error responses', () => {
    const ids = operations().map(([, , operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = doc.tags.map((tag) => tag.name);
    for (const [path, method, operation] of operations()) {
      expect(operation.tags.every((tag) => tags.includes(tag))).toBe(true);
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes).toHaveProperty([scheme]);
      }
      // 200, or 201 for a create.
      expect({ path, method, success: Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)) }).toMatchObject({ success: true });
      for (const [status, answer] of Object.entries(operation.responses)) {
        expect({ path, method, status, description: resolve(answer).description.length > 0 }).toMatchObject({ description: true });
      }
    }
  });

  it('declares each path template parameter as a required path parameter, and no other', () => {
    for (const [path, , operation] of operations()) {
      const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).map((p) => resolve<Parameter>(p)).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort()).toEqual(inTemplate.sort());
      expect(declared.every((p) => p.required)).toBe(true);
    }
  });

  it('has a tag for each dialect', () => {
    expect(doc.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['Rainbond', 'Huawei APIG', 'Huawei SCM', 'Alibaba CAS']));
  });
});

// That the paths are exactly the routes the gateway serves is checked against its router: openapi.routes.spec.ts.
describe('OpenAPI document: the dialect operations', () => {
  it('lists 404 on every create: a keyed retry after the certificate was deleted answers it', () => {
    const creates = ['/openapi/v1/teams/{team_id}/certificates', '/v2/{project_id}/apigw/certificates', '/v3/scm/certificates/import', '/', '/certhub/v1/tenants/{tenant_id}/certificates'];
    for (const path of creates) expect({ path, statuses: Object.keys(doc.paths[path]?.post?.responses ?? {}) }).toEqual({ path, statuses: expect.arrayContaining(['404']) });
  });

  it('offers Idempotency-Key on every dialect operation and the documented auth headers', () => {
    // The gateway's own endpoints (tag certhub: listing, health, metrics, this document) take no Idempotency-Key.
    for (const [path, , operation] of operations().filter(([, , operation]) => !operation.tags.includes('certhub'))) {
      const headers = (operation.parameters ?? []).map((p) => resolve<Parameter>(p)).filter((p) => p.in === 'header');
      expect({ path, headers: headers.map((h) => `${h.name}:${h.required}`) }).toMatchObject({
        headers: expect.arrayContaining(['Idempotency-Key:false']),
      });
    }
    const headersOf = (path: string) => (doc.paths[path]?.post?.parameters ?? []).map((p) => resolve<Parameter>(p).name);
    expect(headersOf('/v3/scm/certificates/import')).toEqual(expect.arrayContaining(['X-Auth-Token', 'X-Project-Id']));
    expect(headersOf('/v2/{project_id}/apigw/certificates')).toContain('X-Auth-Token');
    expect(doc.components.securitySchemes?.['RainbondToken']).toMatchObject({ in: 'header', name: 'Authorization' });
  });

  it('documents Alibaba as GET / with query parameters and POST / with a form body, signature v1 or v3, answering JSON or XML', () => {
    const v1Only = ['Action', 'Version', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp'];
    const action = ['Cert', 'Key', 'Name', 'Lang', 'SourceIp', 'Format', 'ResourceGroupId', 'EncryptCert', 'EncryptPrivateKey', 'SignCert', 'SignPrivateKey'];
    const names = [...v1Only, ...action];
    const root = doc.paths['/'];
    const parameters = (operation?: Operation) => (operation?.parameters ?? []).map((p) => resolve<Parameter>(p));
    const query = parameters(root?.get).filter((p) => p.in === 'query');
    expect(query.map((p) => p.name).sort()).toEqual([...names].sort());
    const v3Headers = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];
    for (const operation of [root?.get, root?.post]) {
      expect(parameters(operation).filter((p) => p.in === 'header').map((p) => p.name)).toEqual([...v3Headers, 'Idempotency-Key']);
    }
    const form = resolve(root?.post?.requestBody ?? { $ref: '#/missing' }).content['application/x-www-form-urlencoded'];
    const [v1, v3] = (resolve(form?.schema ?? { $ref: '#/missing' }).oneOf ?? []).map((schema) => resolve(schema));
    expect(Object.keys(v1?.properties ?? {}).sort()).toEqual([...names].sort());
    expect(Object.keys(v3?.properties ?? {}).sort()).toEqual([...action].sort());
    expect(root?.get?.security).toEqual([{ AlibabaSignature: [] }, { AlibabaSignatureV3: [] }]);
    for (const answer of Object.values(root?.post?.responses ?? {})) {
      expect(Object.keys(resolve(answer).content ?? {})).toEqual(['application/json', 'text/xml']);
    }
  });
});
