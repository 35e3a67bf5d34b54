import { CommandLimits } from '@certhub/contracts';
import { CAS_VERSION, CREATE_USER_CERTIFICATE } from '../alibaba-cas/alibaba-api';
import { ALIBABA_CODES } from '../alibaba-cas/alibaba-error-codes';
import { ACCESS_KEY_ID } from '../alibaba-cas/alibaba-request-authenticator.service';
import { SIGNATURE_SHAPE } from '../alibaba-cas/alibaba-signature';
import { MAX_NONCE_LENGTH } from '../alibaba-cas/alibaba-signed-parameters';
import { ISO_UTC } from '../alibaba-cas/alibaba-timestamp';
import type { Content, DocumentSection, Operation, Parameter, Reference, Response, Schema } from './openapi.types';
import { codesByStatus, IDEMPOTENCY_KEY_PARAMETER, narrowed, response, schemaRef } from './shared-schemas';

const TAG = 'Alibaba CAS';

interface RpcParameter {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
}

const text = (minLength: number, maxLength: number, description: string): Schema => ({ type: 'string', minLength, maxLength, description });

/** Common and CreateUserCertificate parameters; all travel the same way (query, or form for POST). */
export const ALIBABA_PARAMETERS: readonly RpcParameter[] = [
  { name: 'Action', required: true, schema: { type: 'string', enum: [CREATE_USER_CERTIFICATE], description: 'Case-sensitive.' } },
  { name: 'Version', required: true, schema: { type: 'string', enum: [CAS_VERSION] } },
  { name: 'Cert', required: true, schema: text(1, CommandLimits.certificate, 'PEM; further CERTIFICATE blocks after the leaf are its chain.') },
  { name: 'Key', required: true, schema: text(1, CommandLimits.privateKey, 'Unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1).') },
  { name: 'Name', required: true, schema: { ...text(1, CommandLimits.name, 'Unique per account (NameRepeat); not only spaces.'), pattern: '\\S' } },
  { name: 'Lang', required: false, schema: { type: 'string', pattern: '^[A-Za-z]{2}([_-][A-Za-z]{2})?$', description: 'Accepted; answers are in English.' } },
  { name: 'SourceIp', required: false, schema: { type: 'string', description: 'An IPv4 or IPv6 address; checked, not stored.' } },
  {
    name: 'Format',
    required: false,
    schema: { type: 'string', pattern: '^([Jj][Ss][Oo][Nn]|[Xx][Mm][Ll])$', default: 'XML', description: 'JSON or XML, any case.' },
  },
  { name: 'AccessKeyId', required: true, schema: { type: 'string', pattern: ACCESS_KEY_ID.source, description: 'The AccessKey that signs.' } },
  {
    name: 'Signature',
    required: true,
    schema: { type: 'string', pattern: SIGNATURE_SHAPE.source, description: 'base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)); see AlibabaSignature.' },
  },
  { name: 'SignatureMethod', required: false, schema: { type: 'string', enum: ['HMAC-SHA1'], default: 'HMAC-SHA1' } },
  { name: 'SignatureVersion', required: false, schema: { type: 'string', enum: ['1.0'], default: '1.0' } },
  { name: 'SignatureNonce', required: true, schema: text(1, MAX_NONCE_LENGTH, 'Never reused by the same AccessKey within the timestamp window.') },
  { name: 'Timestamp', required: true, schema: { type: 'string', pattern: ISO_UTC.source, description: 'UTC, within 15 minutes of the gateway clock.' } },
];

/** Every Code by status: the dialect's code table, Missing{Parameter} for each required one, and the 413. */
export const ALIBABA_CODES_BY_STATUS = codesByStatus([
  ...Object.entries(ALIBABA_CODES).map(([code, { status }]) => [status, code] as const),
  ...ALIBABA_PARAMETERS.filter((parameter) => parameter.required).map(({ name }) => [400, `Missing${name}`] as const),
  [413, 'InvalidParameter'],
]);

/** The same fields as JSON or as XML elements (no whitespace between them), as the request's Format asks. */
const both = (schema: Schema | Reference): Content => ({ 'application/json': { schema }, 'text/xml': { schema } });

const errors: Record<string, Response> = Object.fromEntries(
  [...ALIBABA_CODES_BY_STATUS].map(([status, codes]) => [
    String(status),
    response(
      `Code: ${codes.join(', ')} (docs/dialects/alibaba-cas.md says when)`,
      both(narrowed('AlibabaError', 'Code', codes, { xml: { name: 'Error' } })),
    ),
  ]),
);

const responses = { '200': response('Created (JSON or XML, as Format asks)', both(schemaRef('CreateUserCertificateResponse'))), ...errors };
const security = [{ AlibabaSignature: [] }];
const description =
  'Alibaba RPC style, API version ' + CAS_VERSION + '. Checks: parameters readable, Format, Action/Version, signature parameters, ' +
  'timestamp, AccessKeyId, signature, nonce, then Cert/Key/Name. Other parameters (e.g. RegionId) are signed and ignored; ' +
  'a name given twice is InvalidParameter. Any other method on / is 404 InvalidAction.NotFound.';

const query = ({ name, required, schema }: RpcParameter): Parameter => ({ name, in: 'query', required, schema });

const get: Operation = {
  tags: [TAG],
  summary: 'CreateUserCertificate (parameters in the query string)',
  description: `${description} Node refuses a request line plus headers over 16 KiB itself (431); use POST for long chains.`,
  operationId: 'alibabaCasCreateUserCertificateGet',
  parameters: [...ALIBABA_PARAMETERS.map(query), IDEMPOTENCY_KEY_PARAMETER],
  responses,
  security,
};

const post: Operation = {
  tags: [TAG],
  summary: 'CreateUserCertificate (parameters in a form body)',
  description: `${description} Query parameters are merged with the form's; the signature covers the HTTP method.`,
  operationId: 'alibabaCasCreateUserCertificatePost',
  parameters: [IDEMPOTENCY_KEY_PARAMETER],
  requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: schemaRef('AlibabaRpcParameters') } } },
  responses,
  security,
};

const errorFields = ['RequestId', 'HostId', 'Code', 'Message', 'Recommend'] as const;

export const ALIBABA_CAS_SECTION: DocumentSection = {
  tag: { name: TAG, description: 'Alibaba Cloud CAS CreateUserCertificate over RPC signature v1 (docs/dialects/alibaba-cas.md).' },
  paths: { '/': { get, post } },
  components: {
    schemas: {
      AlibabaRpcParameters: {
        type: 'object',
        required: ALIBABA_PARAMETERS.filter((parameter) => parameter.required).map(({ name }) => name),
        properties: Object.fromEntries(ALIBABA_PARAMETERS.map(({ name, schema }) => [name, schema])),
        additionalProperties: { type: 'string' },
      },
      CreateUserCertificateResponse: {
        type: 'object',
        xml: { name: `${CREATE_USER_CERTIFICATE}Response` },
        required: ['RequestId', 'CertId'],
        properties: {
          RequestId: { type: 'string', description: 'The request id (Idempotency-Key or a UUID), also in X-Request-Id.' },
          CertId: { type: 'integer', format: 'int64', minimum: 1 },
        },
      },
      AlibabaError: {
        type: 'object',
        xml: { name: 'Error' },
        required: [...errorFields],
        properties: {
          RequestId: { type: 'string' },
          HostId: { type: 'string', description: 'The Host the gateway was reached by, or `certhub`.' },
          Code: { type: 'string', enum: [...new Set([...ALIBABA_CODES_BY_STATUS.values()].flat())].sort() },
          Message: { type: 'string' },
          Recommend: { type: 'string', description: "Points to the code's row in certhub's docs (CDATA in XML)." },
        },
        additionalProperties: false,
      },
    },
    securitySchemes: {
      AlibabaSignature: {
        type: 'apiKey',
        in: 'query',
        name: 'AccessKeyId',
        description:
          'Alibaba RPC signature v1: AccessKeyId plus Signature = base64(HMAC-SHA1(secret + "&", METHOD&%2F&percentEncode(sorted ' +
          'name=value pairs except Signature))), with a fresh Timestamp and an unused SignatureNonce. For POST the parameters may be in the form.',
      },
    },
  },
};
