import { CommandLimits } from '@certhub/contracts';
import { CAS_ACTION_BY_VERSION, CAS_ACTIONS, CAS_VERSIONS, CREATE_USER_CERTIFICATE, UPLOAD_USER_CERTIFICATE } from '../alibaba-cas/alibaba-api';
import { ALIBABA_CODES } from '../alibaba-cas/alibaba-error-codes';
import { SIGNATURE_SHAPE } from '../alibaba-cas/alibaba-signature';
import { MAX_NONCE_LENGTH } from '../alibaba-cas/alibaba-signed-parameters';
import { ISO_UTC } from '../alibaba-cas/alibaba-timestamp';
import { ACS3_HMAC_SHA256, V3_SIGNATURE } from '../alibaba-cas/alibaba-v3-authorization';
import { RESOURCE_GROUP_ID_MAX, SM_PARAMETERS, UPLOAD_NAME_MAX } from '../alibaba-cas/upload-user-certificate.request';
import { ACCESS_KEY_ID } from '../auth/access-key-ids';
import type { Content, DocumentSection, Operation, Parameter, Reference, Response, Schema, SecurityRequirement } from './openapi.types';
import { codesByStatus, IDEMPOTENCY_KEY_PARAMETER, narrowed, response, schemaRef } from './shared-schemas';

const TAG = 'Alibaba CAS';

interface RpcParameter {
  readonly name: string;
  /** Required with signature v1 (whose absence is Missing{Name}); v3 carries the common ones in headers. */
  readonly required: boolean;
  /** A parameter of signature v1 only: v3 sends it as an x-acs-* header, or not at all. */
  readonly v1Only?: boolean;
  readonly schema: Schema;
}

const text = (minLength: number, maxLength: number, description: string): Schema => ({ type: 'string', minLength, maxLength, description });
const PAIRS = Object.entries(CAS_ACTION_BY_VERSION)
  .map(([version, action]) => `${action} (${version})`)
  .join(', ');

/** Common and action parameters; all travel the same way (query, or form for POST). */
export const ALIBABA_PARAMETERS: readonly RpcParameter[] = [
  { name: 'Action', required: true, v1Only: true, schema: { type: 'string', enum: [...CAS_ACTIONS], description: `Case-sensitive; with its Version: ${PAIRS}.` } },
  { name: 'Version', required: true, v1Only: true, schema: { type: 'string', enum: CAS_VERSIONS } },
  { name: 'Cert', required: true, schema: text(1, CommandLimits.certificate, 'PEM; further CERTIFICATE blocks after the leaf are its chain.') },
  { name: 'Key', required: true, schema: text(1, CommandLimits.privateKey, 'Unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1).') },
  {
    name: 'Name',
    required: true,
    schema: { ...text(1, CommandLimits.name, `Unique per account (NameRepeat); not only spaces; at most ${UPLOAD_NAME_MAX} for ${UPLOAD_USER_CERTIFICATE}.`), pattern: '\\S' },
  },
  { name: 'Lang', required: false, schema: { type: 'string', pattern: '^[A-Za-z]{2}([_-][A-Za-z]{2})?$', description: `${CREATE_USER_CERTIFICATE}: accepted; answers are in English.` } },
  { name: 'SourceIp', required: false, schema: { type: 'string', description: `${CREATE_USER_CERTIFICATE}: an IPv4 or IPv6 address; checked, not stored.` } },
  {
    name: 'ResourceGroupId',
    required: false,
    schema: { type: 'string', pattern: `^[\\x21-\\x7e]{1,${RESOURCE_GROUP_ID_MAX}}$`, description: `${UPLOAD_USER_CERTIFICATE}: checked, not stored.` },
  },
  ...SM_PARAMETERS.map((name) => ({
    name,
    required: false,
    schema: { type: 'string' as const, description: `${UPLOAD_USER_CERTIFICATE}: ignored when Cert and Key are sent; SM certificates alone are InvalidParameter.` },
  })),
  {
    name: 'Format',
    required: false,
    schema: { type: 'string', pattern: '^([Jj][Ss][Oo][Nn]|[Xx][Mm][Ll])$', description: 'JSON or XML, any case; default XML with signature v1, JSON with v3.' },
  },
  { name: 'AccessKeyId', required: true, v1Only: true, schema: { type: 'string', pattern: ACCESS_KEY_ID.source, description: 'The AccessKey that signs.' } },
  {
    name: 'Signature',
    required: true,
    v1Only: true,
    schema: { type: 'string', pattern: SIGNATURE_SHAPE.source, description: 'base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)); see AlibabaSignature.' },
  },
  { name: 'SignatureMethod', required: false, v1Only: true, schema: { type: 'string', enum: ['HMAC-SHA1'], default: 'HMAC-SHA1' } },
  { name: 'SignatureVersion', required: false, v1Only: true, schema: { type: 'string', enum: ['1.0'], default: '1.0' } },
  { name: 'SignatureNonce', required: true, v1Only: true, schema: text(1, MAX_NONCE_LENGTH, 'Never reused by the same AccessKey within the timestamp window.') },
  { name: 'Timestamp', required: true, v1Only: true, schema: { type: 'string', pattern: ISO_UTC.source, description: 'UTC, within 15 minutes of the gateway clock.' } },
];

/** The x-acs-* headers of signature v3 and what they replace. */
const V3_HEADERS: readonly Parameter[] = [
  { name: 'x-acs-action', in: 'header', required: false, description: 'Signature v3: the Action.', schema: { type: 'string', enum: [...CAS_ACTIONS] } },
  { name: 'x-acs-version', in: 'header', required: false, description: 'Signature v3: the Version.', schema: { type: 'string', enum: CAS_VERSIONS } },
  { name: 'x-acs-date', in: 'header', required: false, description: 'Signature v3: the Timestamp, same rules.', schema: { type: 'string', pattern: ISO_UTC.source } },
  {
    name: 'x-acs-signature-nonce',
    in: 'header',
    required: false,
    description: 'Signature v3: the SignatureNonce, same rules and the same replay guard.',
    schema: { type: 'string', minLength: 1, maxLength: MAX_NONCE_LENGTH },
  },
  {
    name: 'x-acs-content-sha256',
    in: 'header',
    required: false,
    description: 'Signature v3: hex SHA-256 of the body (of the empty string without one).',
    schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
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

const answers: Schema = { oneOf: [schemaRef('CreateUserCertificateResponse'), schemaRef('UploadUserCertificateResponse')] };
const responses = { '200': response('Stored (JSON or XML, as Format asks), in the called action\'s answer', both(answers)), ...errors };
const security: readonly SecurityRequirement[] = [{ AlibabaSignature: [] }, { AlibabaSignatureV3: [] }];
const description =
  `Alibaba RPC style: ${PAIRS}; another pair is InvalidVersion (unknown Version) or InvalidAction.NotFound. Signature v1 names ` +
  'the call in Action/Version and signs the parameters; signature v3 names it in x-acs-action/x-acs-version and signs the ' +
  'request in Authorization. Checks: parameters readable, Format, Action/Version, signature fields, timestamp, AccessKeyId, ' +
  'signature, nonce, then the action\'s parameters. Other parameters (e.g. RegionId) are signed and ignored; a name given ' +
  'twice is InvalidParameter. Any other method on / is 404 InvalidAction.NotFound.';

const query = ({ name, required, v1Only, schema }: RpcParameter): Parameter => ({
  name,
  in: 'query',
  // A query parameter is required whichever signature the caller uses only if v3 needs it too.
  required: required && !v1Only,
  ...(v1Only && required ? { description: 'Required with signature v1.' } : {}),
  schema,
});

const get: Operation = {
  tags: [TAG],
  summary: 'CreateUserCertificate or UploadUserCertificate (parameters in the query string)',
  description: `${description} Node refuses a request line plus headers over 16 KiB itself (431); use POST with a form for long chains.`,
  operationId: 'alibabaCasUploadGet',
  parameters: [...ALIBABA_PARAMETERS.map(query), ...V3_HEADERS, IDEMPOTENCY_KEY_PARAMETER],
  responses,
  security,
};

const post: Operation = {
  tags: [TAG],
  summary: 'CreateUserCertificate or UploadUserCertificate (parameters in the query string or a form body)',
  description: `${description} Query parameters are merged with the form's; the signature covers the HTTP method.`,
  operationId: 'alibabaCasUploadPost',
  parameters: [...V3_HEADERS, IDEMPOTENCY_KEY_PARAMETER],
  requestBody: {
    required: false,
    content: { 'application/x-www-form-urlencoded': { schema: { oneOf: [schemaRef('AlibabaRpcParameters'), schemaRef('AlibabaRpcParametersV3')] } } },
  },
  responses,
  security,
};

const errorFields = ['RequestId', 'HostId', 'Code', 'Message', 'Recommend'] as const;
const properties = (parameters: readonly RpcParameter[]) => Object.fromEntries(parameters.map(({ name, schema }) => [name, schema]));
const v3Parameters = ALIBABA_PARAMETERS.filter((parameter) => !parameter.v1Only);
const certId: Schema = { type: 'integer', format: 'int64', minimum: 1 };
const requestId: Schema = { type: 'string', description: 'The request id (Idempotency-Key or a UUID), also in X-Request-Id.' };

export const ALIBABA_CAS_SECTION: DocumentSection = {
  tag: {
    name: TAG,
    description: `Alibaba Cloud CAS ${CREATE_USER_CERTIFICATE} and ${UPLOAD_USER_CERTIFICATE} over RPC signature v1 or v3 (docs/dialects/alibaba-cas.md).`,
  },
  paths: { '/': { get, post } },
  components: {
    schemas: {
      AlibabaRpcParameters: {
        type: 'object',
        description: 'Signature v1: every parameter, common ones included.',
        required: ALIBABA_PARAMETERS.filter((parameter) => parameter.required).map(({ name }) => name),
        properties: properties(ALIBABA_PARAMETERS),
        additionalProperties: { type: 'string' },
      },
      AlibabaRpcParametersV3: {
        type: 'object',
        description: 'Signature v3: the action\'s parameters only; the common ones are x-acs-* headers. Tags.N.Key / Tags.N.Value (N 1-20) are checked, not stored.',
        required: v3Parameters.filter((parameter) => parameter.required).map(({ name }) => name),
        properties: properties(v3Parameters),
        additionalProperties: { type: 'string' },
      },
      CreateUserCertificateResponse: {
        type: 'object',
        xml: { name: `${CREATE_USER_CERTIFICATE}Response` },
        required: ['RequestId', 'CertId'],
        properties: { RequestId: requestId, CertId: certId },
      },
      UploadUserCertificateResponse: {
        type: 'object',
        xml: { name: `${UPLOAD_USER_CERTIFICATE}Response` },
        required: ['RequestId', 'CertId', 'ResourceId'],
        properties: {
          RequestId: requestId,
          CertId: certId,
          ResourceId: { type: 'string', pattern: '^cas-upload-[0-9a-f]{32}$', description: "`cas-upload-` and the record's uid." },
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
      AlibabaSignatureV3: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description:
          `Alibaba signature v3: \`${ACS3_HMAC_SHA256} Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>\`, Signature ` +
          `(${V3_SIGNATURE.source}) = hex(HMAC-SHA256(secret, "${ACS3_HMAC_SHA256}\\n" + hex(sha256(method \\n path \\n sorted encoded query ` +
          '\\n signed headers as name:value lines \\n signed names joined with ; \\n x-acs-content-sha256)))). host, every x-acs-* header and ' +
          'content-type must be signed; x-acs-date fresh and x-acs-signature-nonce unused.',
      },
    },
  },
};
