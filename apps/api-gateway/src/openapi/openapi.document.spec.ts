import { NatsHealthController } from '@certhub/messaging';
import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AlibabaCasController } from '../alibaba-cas/alibaba-cas.controller';
import { HuaweiApigCertificatesController } from '../huawei-apig/huawei-apig-certificates.controller';
import { HuaweiScmCertificatesController } from '../huawei-scm/huawei-scm-certificates.controller';
import { RainbondCertificatesController } from '../rainbond/rainbond-certificates.controller';
import { OpenApiController } from './openapi.controller';
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

/** The routes Nest registers for a controller, as OpenAPI paths, with each handler's status. */
function routesOf(controller: Type<unknown>): string[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
    const handler = controller.prototype[name];
    const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
    if (name === 'constructor' || method === undefined) return [];
    const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].join('/')}`
      .replace(/\/+/g, '/')
      .replace(/(.)\/$/, '$1')
      .replace(/:([A-Za-z_]+)/g, '{$1}');
    return [`${RequestMethod[method].toLowerCase()} ${path} ${Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? 200}`];
  });
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

  it('gives every operation a unique id, declared tags, known security schemes and a 200 plus error responses', () => {
    const ids = operations().map(([, , operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = doc.tags.map((tag) => tag.name);
    for (const [path, method, operation] of operations()) {
      expect(operation.tags.every((tag) => tags.includes(tag))).toBe(true);
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes).toHaveProperty([scheme]);
      }
      expect(Object.keys(operation.responses)).toContain('200');
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

describe('OpenAPI document: the routes are exactly the controllers\' routes', () => {
  it('lists every route Nest registers, with its method and success status, and nothing else', () => {
    const controllers = [
      RainbondCertificatesController,
      HuaweiApigCertificatesController,
      HuaweiScmCertificatesController,
      AlibabaCasController,
      NatsHealthController,
      OpenApiController,
    ];
    const registered = controllers.flatMap(routesOf).sort();
    const documented = operations()
      .map(([path, method, operation]) => `${method} ${path} ${Object.keys(operation.responses).find((status) => status.startsWith('2'))}`)
      .sort();
    expect(documented).toEqual(registered);
    expect(registered).toEqual(
      expect.arrayContaining([
        'post /openapi/v1/teams/{team_id}/certificates 200',
        'put /openapi/v1/teams/{team_id}/certificates/{certificate_id} 200',
        'post /v2/{project_id}/apigw/certificates 200',
        'post /v3/scm/certificates/import 200',
        'get / 200',
        'post / 200',
        'get /health/live 200',
        'get /health/ready 200',
        'get /openapi.json 200',
      ]),
    );
  });

  it('offers Idempotency-Key on every dialect operation and the documented auth headers', () => {
    for (const [path, , operation] of operations().filter(([path]) => !path.startsWith('/health') && path !== '/openapi.json')) {
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
