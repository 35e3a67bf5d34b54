import { CerthubError, ERROR_CODES } from '@certhub/contracts';
import { HttpException, type ExecutionContext } from '@nestjs/common';
import { validateSync } from 'class-validator';
import type { Request } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiOfParameters, checkApi } from '../alibaba-cas/alibaba-api';
import { ALIBABA_CODES, alibabaError } from '../alibaba-cas/alibaba-error-codes';
import { renderAlibabaCasError } from '../alibaba-cas/alibaba-cas-errors';
import type { AlibabaParameters } from '../alibaba-cas/alibaba-parameters';
import { readSignedParameters } from '../alibaba-cas/alibaba-signed-parameters';
import { readCreateUserCertificate } from '../alibaba-cas/create-user-certificate.request';
import type { CredentialResolver } from '../auth/credential-resolver.service';
import { HuaweiAkskAuthenticator } from '../auth/huawei-aksk/huawei-aksk-authenticator.service';
import { HuaweiIamGuard } from '../auth/huawei-iam.guard';
import { DialectError } from '../errors/dialect-error';
import type { ErrorRenderer } from '../errors/error-renderer';
import { toGatewayError } from '../errors/gateway-error';
import { renderHuaweiApigError } from '../huawei-apig/huawei-apig-errors';
import { APIG_IAM_RULES } from '../huawei-apig/huawei-apig-iam.rules';
import { ApigParameterErrors } from '../huawei-apig/huawei-apig-parameter-errors';
import { readCreateCertificateRequest } from '../huawei-apig/huawei-apig-request';
import { renderHuaweiScmError } from '../huawei-scm/huawei-scm-errors';
import { ScmImportLimits } from '../huawei-scm/huawei-scm-import.request';
import { requestIdOf } from '../request-context/request-id';
import { RainbondCertificateBody } from '../rainbond/dto/rainbond-certificate.body';
import { renderRainbondError } from '../rainbond/rainbond-errors';
import { OPENAPI_DOCUMENT as doc } from './openapi.document';
import type { Operation, Reference, Response, Schema } from './openapi.types';
import { RAINBOND_MESSAGES_BY_STATUS } from './rainbond.paths';

const schema = (name: string): Schema => doc.components.schemas?.[name] as Schema;
const post = (path: string): Operation => doc.paths[path]?.post as Operation;
const errorStatuses = (...operations: Operation[]) =>
  [...new Set(operations.flatMap((operation) => Object.keys(operation.responses).filter((status) => status !== '200')))].map(Number).sort();

/** (status, code) pairs an operation documents: each error response narrows the code property to an enum. */
function documentedPairs(operation: Operation, property = 'error_code'): string[] {
  return Object.entries(operation.responses)
    .filter(([status]) => status !== '200')
    .flatMap(([status, answer]) => {
      const narrowedSchema = (answer as Response).content?.['application/json']?.schema as Schema;
      const codes = ((narrowedSchema.allOf?.[1] as Schema).properties?.[property] as Schema).enum ?? [];
      return codes.map((code) => `${status} ${code}`);
    })
    .sort();
}

/** (status, code) pairs a renderer produces for these exceptions. */
function renderedPairs(render: ErrorRenderer, exceptions: unknown[], codeOf: (body: unknown) => string, request = {} as Request): string[] {
  const pairs = exceptions.map((exception) => {
    const rendered = render(toGatewayError(exception), request, 'req-1');
    return `${rendered.status} ${codeOf(rendered.body)}`;
  });
  return [...new Set(pairs)].sort();
}

/** Every catalogue code, plus what the HTTP layer raises itself (413 body too large, 404 no route). */
const HTTP_LAYER = [new HttpException('too large', 413), new HttpException('no route', 404)];
const CATALOGUE = [...ERROR_CODES.map((code) => new CerthubError(code, 'detail')), ...HTTP_LAYER];

/** (status, code) rows of a docs/dialects table: `| 400 | APIG.2000 |` or `| 400 | \`MissingAction\`, … |`. */
function markdownPairs(dialect: string, codePattern: RegExp): string[] {
  const text = readFileSync(join(__dirname, '../../../../docs/dialects', `${dialect}.md`), 'utf8');
  return [...text.matchAll(/^\| (\d{3}) \| ([^|]+) \|/gm)].flatMap(([, status, cell]) =>
    [...(cell ?? '').matchAll(codePattern)].map((match) => `${status} ${match[1]}`),
  );
}

describe('OpenAPI document: Huawei APIG', () => {
  const operation = post('/v2/{project_id}/apigw/certificates');
  const apigCode = (body: unknown) => (body as { error_code: string }).error_code;

  async function guardErrors(): Promise<unknown[]> {
    const credentials = {
      tenantOfToken: async (token: string) => (token === 'known' ? 'other-project' : null),
      accessKey: async () => null,
    } as unknown as CredentialResolver;
    const guard = new (HuaweiIamGuard(APIG_IAM_RULES))(credentials, new HuaweiAkskAuthenticator(credentials));
    const attempt = (headers: Record<string, string>) => {
      const request = { header: (name: string) => headers[name.toLowerCase()], headers, params: { project_id: 'p1' } };
      const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
      return guard.canActivate(context).catch((error: unknown) => error);
    };
    const signed = { authorization: 'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host, Signature=00' };
    return Promise.all([attempt({}), attempt({ 'x-auth-token': 'unknown' }), attempt({ 'x-auth-token': 'known' }), attempt(signed)]);
  }

  it('lists exactly the (status, error_code) pairs the renderer, the parameter checks and the guard produce', async () => {
    const parameterErrors = Object.values(ApigParameterErrors).map((error) => error('name'));
    const produced = renderedPairs(renderHuaweiApigError, [...CATALOGUE, ...parameterErrors, ...(await guardErrors())], apigCode);
    expect(documentedPairs(operation)).toEqual(produced);
  });

  it("includes every row of docs/dialects/huawei-apig.md's error table", () => {
    expect(documentedPairs(operation)).toEqual(expect.arrayContaining(markdownPairs('huawei-apig', /(APIG\.\d{4})/g)));
  });

  it('marks as required exactly the fields whose absence is APIG.2001', () => {
    const full = { name: 'cert_demo', cert_content: 'c', private_key: 'k', type: 'global', instance_id: 'gw-1', trusted_root_ca: 'r' };
    const missingIsError = Object.keys(full).filter((field) => {
      const body: Record<string, unknown> = { ...full, [field]: null };
      try {
        readCreateCertificateRequest(body);
        return false;
      } catch (error) {
        return (error as DialectError).dialectCode === 'APIG.2001';
      }
    });
    expect([...(schema('ApigCreateCertificateRequest').required ?? [])].sort()).toEqual(missingIsError.sort());
  });
});

describe('OpenAPI document: Huawei SCM', () => {
  const operation = post('/v3/scm/certificates/import');
  const request = schema('ScmImportCertificateRequest');

  it('takes its field limits and required fields from ScmImportLimits', () => {
    const limits = Object.fromEntries(Object.entries(request.properties ?? {}).map(([name, field]) => [name, (field as Schema).maxLength]));
    expect(limits).toMatchObject(ScmImportLimits);
    expect(request.required).toEqual(['name', 'certificate', 'private_key']);
  });

  it('lists exactly the (status, error_code) pairs the renderer produces, and every row of the dialect doc', () => {
    const produced = renderedPairs(renderHuaweiScmError, CATALOGUE, (body) => (body as { error_code: string }).error_code);
    expect(documentedPairs(operation)).toEqual(produced);
    expect(produced).toEqual(expect.arrayContaining(markdownPairs('huawei-scm', /((?:SCM|APIG)\.\d{4})/g)));
  });
});

describe('OpenAPI document: Rainbond', () => {
  const add = post('/openapi/v1/teams/{team_id}/certificates');
  const update = doc.paths['/openapi/v1/teams/{team_id}/certificates/{certificate_id}']?.put as Operation;

  it('documents every status the renderer produces, and the messages of docs/dialects/rainbond.md', () => {
    const produced = renderedPairs(renderRainbondError, CATALOGUE, (body) => (body as { msg: string }).msg.replace(/: .*$/s, ''));
    expect(errorStatuses(add, update)).toEqual([...new Set(produced.map((pair) => Number(pair.split(' ')[0])))].sort());
    const documented = [...RAINBOND_MESSAGES_BY_STATUS].flatMap(([status, messages]) => messages.map((msg) => `${status} ${msg}`));
    expect(documented.sort()).toEqual(produced);
    expect(documented).toEqual(expect.arrayContaining(markdownPairs('rainbond', /`([a-z][a-z ]+)`/g)));
  });

  it('gives each body field the length bounds RainbondCertificateBody validates', () => {
    const properties = schema('RainbondCertificateBody').properties ?? {};
    const valid = { alias: 'a', private_key: 'k', certificate: 'c', certificate_type: 't' };
    const errorsWith = (field: string, value: string) => validateSync(Object.assign(new RainbondCertificateBody(), valid, { [field]: value })).length;
    for (const [field, property] of Object.entries(properties)) {
      const { minLength = 0, maxLength = 0 } = property as Schema;
      expect({ field, atMax: errorsWith(field, 'x'.repeat(maxLength)), overMax: errorsWith(field, 'x'.repeat(maxLength + 1)) }).toEqual({ field, atMax: 0, overMax: 1 });
      expect({ field, belowMin: errorsWith(field, 'x'.repeat(minLength - 1)) }).toEqual({ field, belowMin: 1 });
    }
  });
});

describe('OpenAPI document: Alibaba CAS', () => {
  const params = schema('AlibabaRpcParameters');
  const full: Record<string, string> = {
    Action: 'CreateUserCertificate',
    Version: '2018-07-13',
    AccessKeyId: 'LTAItest1234',
    SignatureNonce: 'nonce-1',
    Timestamp: '2024-01-01T00:00:00Z',
    Signature: `${'A'.repeat(27)}=`,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    Format: 'json',
    Lang: 'zh-CN',
    SourceIp: '1.2.3.4',
    Cert: 'c',
    Key: 'k',
    Name: 'n',
  };
  const errorWith = (parameters: AlibabaParameters): DialectError | undefined => {
    try {
      checkApi(apiOfParameters(parameters));
      readSignedParameters(parameters);
      readCreateUserCertificate(parameters);
      return undefined;
    } catch (error) {
      return error as DialectError;
    }
  };
  const problemWith = (parameters: AlibabaParameters) => errorWith(parameters)?.dialectCode;
  const without = (name: string) => new Map(Object.entries(full).filter(([key]) => key !== name));

  it('marks as required exactly the parameters whose absence is Missing{Name}', () => {
    expect(problemWith(new Map(Object.entries(full)))).toBeUndefined();
    const missing = Object.keys(full).filter((name) => problemWith(without(name)) === `Missing${name}`);
    expect([...(params.required ?? [])].sort()).toEqual(missing.sort());
  });

  it('lists exactly the (status, Code) pairs the dialect answers with: its code table, Missing{Name} and the catalogue', () => {
    const alibabaCode = (body: unknown) => (JSON.parse(body as string) as { Code: string }).Code;
    const request = { headers: {}, method: 'GET', url: '/?Format=JSON', originalUrl: '/?Format=JSON' } as unknown as Request;
    const ownCodes = Object.keys(ALIBABA_CODES).map((code) => alibabaError(code as keyof typeof ALIBABA_CODES));
    const missing = Object.keys(full).map((name) => errorWith(without(name))).filter((error) => error !== undefined);
    const produced = renderedPairs(renderAlibabaCasError, [...CATALOGUE, ...ownCodes, ...missing], alibabaCode, request);
    const documented = documentedPairs(doc.paths['/']?.post as Operation, 'Code');
    expect(documented).toEqual(produced);
    expect(documentedPairs(doc.paths['/']?.get as Operation, 'Code')).toEqual(produced);
    expect(documented).toEqual(expect.arrayContaining(markdownPairs('alibaba-cas', /`([A-Z][A-Za-z.]+)`/g)));
  });

  it('uses the Lang pattern readCreateUserCertificate enforces', () => {
    const pattern = new RegExp((params.properties?.['Lang'] as Schema).pattern ?? '');
    for (const lang of ['zh', 'en', 'zh-CN', 'en_US', 'ZH', 'zh-', 'chinese', 'z1', 'zh-CHS']) {
      expect({ lang, accepted: problemWith(new Map(Object.entries({ ...full, Lang: lang }))) === undefined }).toEqual({ lang, accepted: pattern.test(lang) });
    }
  });
});

describe('OpenAPI document: Idempotency-Key', () => {
  it('has the bounds requestIdOf enforces', () => {
    const key = doc.components.parameters?.['IdempotencyKey'] as { schema: Schema } & Partial<Reference>;
    const accepts = (value: string) => {
      try {
        requestIdOf({ header: () => value } as unknown as Request);
        return true;
      } catch {
        return false;
      }
    };
    const max = key.schema.maxLength ?? 0;
    expect([accepts('a'.repeat(max)), accepts('a'.repeat(max + 1)), accepts('')]).toEqual([true, false, false]);
  });
});
