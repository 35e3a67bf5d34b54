import { ENTITY_TOO_LARGE, SCM_ERROR_MSG_MAX, SCM_ERRORS } from '../huawei-scm/huawei-scm-errors';
import { ENTERPRISE_PROJECT_ID_MAX, ScmImportLimits } from '../huawei-scm/huawei-scm-import.request';
import { MIN_TOKEN_LENGTH } from '../huawei-scm/huawei-scm-iam.rules';
import type { DocumentSection, Operation, Response, Schema } from './openapi.types';
import { codesByStatus, HUAWEI_AKSK_HEADERS, HUAWEI_SECURITY, IDEMPOTENCY_KEY_PARAMETER, jsonContent, narrowed, response, schemaRef } from './shared-schemas';

const TAG = 'Huawei SCM';

/** Every SCM code by status: the renderer's table and the body parser's 413 (Huawei's gateway code). */
export const SCM_CODES_BY_STATUS = codesByStatus([
  ...Object.values(SCM_ERRORS).map(({ status, code }) => [status, code] as const),
  [ENTITY_TOO_LARGE.status, ENTITY_TOO_LARGE.code],
]);

const WHEN: Readonly<Record<number, string>> = {
  400: 'Bad body (all problems listed in error_msg), or a certificate, key or chain the parser refuses',
  401: 'No X-Auth-Token, a token shorter than the minimum, one certhub does not know, or an AK/SK signature refused',
  403: "X-Project-Id names another project than the token's or AK's",
  404: 'Any other path or method under /v3/scm/',
  409: 'Name taken in the project (SCM.9005) or Idempotency-Key reused for a different body (SCM.9006)',
  413: 'Body over HTTP_BODY_LIMIT_BYTES',
  500: 'Unexpected failure; nothing stored',
  503: 'Bus or storage unavailable; retry with the same Idempotency-Key',
};

const errorMsg: Schema = { properties: { error_msg: { maxLength: SCM_ERROR_MSG_MAX } } };
const errors: Record<string, Response> = Object.fromEntries(
  [...SCM_CODES_BY_STATUS].map(([status, codes]) => [
    String(status),
    response(`${WHEN[status] ?? 'Error'}: ${codes.join(', ')}`, jsonContent(narrowed('HuaweiError', 'error_code', codes, errorMsg))),
  ]),
);

/** Lengths in characters (code points) of the decoded string; empty is allowed by the schema. */
const field = (name: keyof typeof ScmImportLimits, description: string): Schema => ({
  type: 'string',
  minLength: 0,
  maxLength: ScmImportLimits[name],
  description,
});

const importCertificate: Operation = {
  tags: [TAG],
  summary: 'Import a certificate',
  description:
    "The token's or AK's tenant is the project that owns the certificate. A body that is not JSON (400) or too large (413) " +
    'is refused before the credential is looked at. Unknown fields are ignored.',
  operationId: 'huaweiScmImportCertificate',
  parameters: [
    {
      name: 'X-Auth-Token',
      in: 'header',
      required: false,
      description: 'See the HuaweiToken security scheme; required unless the request is AK/SK-signed.',
      schema: { type: 'string', minLength: MIN_TOKEN_LENGTH },
    },
    ...HUAWEI_AKSK_HEADERS,
    {
      name: 'X-Project-Id',
      in: 'header',
      required: false,
      description: "When sent (the SDKs do), must be the token's or AK's project (the empty string included); otherwise 403 SCM.0003 and nothing is stored.",
      schema: { type: 'string' },
    },
    IDEMPOTENCY_KEY_PARAMETER,
  ],
  requestBody: { required: true, content: jsonContent(schemaRef('ScmImportCertificateRequest')) },
  responses: {
    '200': response('Stored', jsonContent(schemaRef('ScmImportCertificateResponse'), { certificate_id: 'scs0000000000042' })),
    ...errors,
  },
  security: HUAWEI_SECURITY,
};

export const HUAWEI_SCM_SECTION: DocumentSection = {
  tag: { name: TAG, description: 'Huawei Cloud SCM certificate import (docs/dialects/huawei-scm.md).' },
  paths: { '/v3/scm/certificates/import': { post: importCertificate } },
  components: {
    schemas: {
      ScmImportCertificateRequest: {
        type: 'object',
        // The document marks certificate_chain mandatory with minimum length 0; Huawei's SDK model leaves it out.
        required: Object.keys(ScmImportLimits).filter((field) => field !== 'certificate_chain'),
        properties: {
          name: field('name', 'Unique per project; empty means a generated `cert-<16 hex>` name.'),
          certificate: field('certificate', 'PEM, leaf first (further blocks are chain); line breaks real or escaped as \\n / \\r\\n. Empty is SCM.0006.'),
          certificate_chain: field('certificate_chain', "PEM intermediates, the leaf's issuer first; empty or absent means no chain."),
          private_key: field('private_key', 'Unencrypted PKCS#8, PKCS#1 or SEC1 PEM. Empty is SCM.0012.'),
          duplicate_check: { type: 'boolean', nullable: true, description: 'Checked and ignored: certhub never refuses a certificate for having been imported before.' },
          enterprise_project_id: { type: 'string', maxLength: ENTERPRISE_PROJECT_ID_MAX, nullable: true, description: 'Checked and ignored: certhub has no enterprise projects.' },
        },
      },
      ScmImportCertificateResponse: {
        type: 'object',
        required: ['certificate_id'],
        properties: { certificate_id: { type: 'string', minLength: 16, maxLength: 16, pattern: '^scs[0-9]{13}$' } },
      },
    },
  },
};
