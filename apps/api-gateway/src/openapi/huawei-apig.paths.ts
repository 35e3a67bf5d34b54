import { CommandLimits } from '@certhub/contracts';
import { APIG_ERRORS } from '../huawei-apig/huawei-apig-errors';
import { ApigParameterErrors } from '../huawei-apig/huawei-apig-parameter-errors';
import { ALGORITHM_TYPES, INSTANCE_ID_MAX, INSTANCE_ID_PATTERN, NAME_LENGTH, NAME_PATTERN, TYPES } from '../huawei-apig/huawei-apig-request';
import type { DocumentSection, Operation, Response, Schema } from './openapi.types';
import { codesByStatus, HUAWEI_AKSK_HEADERS, HUAWEI_SECURITY, IDEMPOTENCY_KEY_PARAMETER, jsonContent, narrowed, response, schemaRef } from './shared-schemas';

const TAG = 'Huawei APIG';

/**
 * Every APIG code by status: the renderer's table, the parameter codes (APIG.20xx), the guard's "token is
 * missing" (APIG.1000), the API gateway's AK/SK refusal (APIG.0301) and the body parser's 413, which APIG answers
 * with its parameter-error code.
 */
export const APIG_CODES_BY_STATUS = codesByStatus([
  ...Object.values(APIG_ERRORS).map(({ status, errorCode }) => [status, errorCode] as const),
  ...Object.values(ApigParameterErrors).map((error) => [400, error('parameter').dialectCode] as const),
  [401, 'APIG.1000'],
  [401, 'APIG.0301'],
  [413, APIG_ERRORS.INVALID_REQUEST.errorCode],
]);

const WHEN: Readonly<Record<number, string>> = {
  400: 'Bad body (first problem in field order), refused certificate or key, or name taken',
  401: 'No token (APIG.1000), a token certhub does not know (APIG.1002), or an AK/SK signature refused (APIG.0301)',
  403: "The token's or AK's project is not project_id, or not the X-Project-Id sent",
  404: 'Any other path or method under /v2/{project_id}/apigw/',
  409: 'Idempotency-Key reused for a different body',
  413: 'Body over HTTP_BODY_LIMIT_BYTES',
  500: 'Unexpected failure; nothing stored',
  503: 'Bus or storage unavailable, or no outcome in time; retry with the same Idempotency-Key',
};

const errors: Record<string, Response> = Object.fromEntries(
  [...APIG_CODES_BY_STATUS].map(([status, codes]) => [
    String(status),
    response(`${WHEN[status] ?? 'Error'}: ${codes.join(', ')}`, jsonContent(narrowed('HuaweiError', 'error_code', codes))),
  ]),
);

const pem = (maxLength: number, description: string): Schema => ({ type: 'string', minLength: 1, maxLength, description });

const createCertificate: Operation = {
  tags: [TAG],
  summary: 'Create an SSL certificate (CreateCertificateV2)',
  description:
    'Order of checks: token or AK/SK signature (401), project (403), body (400 APIG.20xx), certificate (400 APIG.21xx), name (400 APIG.3299). ' +
    '`null` and `""` mean "not given". Unknown fields are ignored.',
  operationId: 'huaweiApigCreateCertificate',
  parameters: [
    { name: 'project_id', in: 'path', required: true, description: "The project (certhub tenant); must be the token's or AK's.", schema: { type: 'string' } },
    { name: 'X-Auth-Token', in: 'header', required: false, description: 'See the HuaweiToken security scheme; required unless the request is AK/SK-signed.', schema: { type: 'string' } },
    ...HUAWEI_AKSK_HEADERS,
    { name: 'X-Project-Id', in: 'header', required: false, description: 'When sent (the SDKs do), must be project_id; otherwise 403 APIG.1005.', schema: { type: 'string' } },
    IDEMPOTENCY_KEY_PARAMETER,
  ],
  requestBody: { required: true, content: jsonContent(schemaRef('ApigCreateCertificateRequest')) },
  responses: { '200': response('The stored certificate (Table 4)', jsonContent(schemaRef('ApigCertificate'))), ...errors },
  security: HUAWEI_SECURITY,
};

const time: Schema = { type: 'string', format: 'date-time', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' };
const strings = (description: string): Schema => ({ type: 'array', items: { type: 'string' }, description });

const certificateProperties: Readonly<Record<string, Schema>> = {
  id: { type: 'string', pattern: '^[0-9a-f]{32}$' },
  name: { type: 'string' },
  type: { type: 'string', enum: TYPES },
  instance_id: { type: 'string', description: 'The gateway id, or `common` for a global certificate.' },
  project_id: { type: 'string' },
  common_name: { type: 'string', description: "The subject's last CN; empty when there is none." },
  san: strings('DNS subject alternative names only.'),
  not_after: time,
  signature_algorithm: { type: 'string', description: "Go's SignatureAlgorithm.String(), e.g. SHA256-RSA, ECDSA-SHA256, Ed25519." },
  create_time: time,
  update_time: time,
  is_has_trusted_root_ca: { type: 'boolean' },
  algorithm_type: { type: 'string', enum: ALGORITHM_TYPES, description: "The certificate's key algorithm (Ed25519 is ECC); in the current model, not in Table 4." },
  version: { type: 'integer', example: 3 },
  organization: strings('Subject O values.'),
  organizational_unit: strings('Subject OU values.'),
  locality: strings('Subject L values.'),
  state: strings('Subject ST values.'),
  country: strings('Subject C values.'),
  not_before: time,
  serial_number: { type: 'string', pattern: '^-?[0-9]+$', description: 'Decimal (negative for the rare certificate with a negative serial).' },
  issuer: strings("The issuer's Organization values."),
};

export const HUAWEI_APIG_SECTION: DocumentSection = {
  tag: { name: TAG, description: 'Huawei Cloud APIG SSL certificates (docs/dialects/huawei-apig.md).' },
  paths: { '/v2/{project_id}/apigw/certificates': { post: createCertificate } },
  components: {
    schemas: {
      ApigCreateCertificateRequest: {
        type: 'object',
        required: ['name', 'cert_content', 'private_key'],
        properties: {
          name: { type: 'string', minLength: NAME_LENGTH.min, maxLength: NAME_LENGTH.max, pattern: NAME_PATTERN.source, description: 'Unique per project.' },
          cert_content: pem(CommandLimits.certificate, 'PEM; certificates after the server certificate are its chain.'),
          private_key: pem(CommandLimits.privateKey, 'Unencrypted PEM private key.'),
          type: { type: 'string', enum: TYPES, default: 'global', nullable: true },
          instance_id: {
            type: 'string',
            maxLength: INSTANCE_ID_MAX,
            pattern: INSTANCE_ID_PATTERN.source,
            nullable: true,
            description: 'Required when type is `instance`; checked and dropped for `global`.',
          },
          trusted_root_ca: { type: 'string', maxLength: CommandLimits.chain, nullable: true, description: 'One PEM certificate; the chain must end below it.' },
          algorithm_type: {
            type: 'string',
            enum: ALGORITHM_TYPES,
            nullable: true,
            description: 'Accepted as declared; SM2 (and anything else) is APIG.2004. The answer reports the real algorithm.',
          },
        },
      },
      ApigCertificate: { type: 'object', required: Object.keys(certificateProperties), properties: certificateProperties },
    },
  },
};
