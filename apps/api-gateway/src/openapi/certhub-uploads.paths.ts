import { CommandLimits, DUPLICATE_IDS_LISTED, ERROR_CODES, TagLimits, UploadWarningCodes } from '@certhub/contracts';
import type { Components, Operation, Parameter, RequestBody } from './openapi.types';
import { IDEMPOTENCY_KEY_PARAMETER, jsonContent, narrowed, response, schemaRef } from './shared-schemas';

/**
 * `POST /certhub/v1/tenants/{tenant_id}/certificates` and `…/validate` (certificate-uploads/): certhub's own
 * import and dry run. Limits come from the command contract both are checked with.
 */
const tenantParameter: Parameter = { name: 'tenant_id', in: 'path', required: true, description: "The tenant; the token's tenant must be this one.", schema: { type: 'string' } };

const error = (codes: readonly string[], description: string) => response(description, jsonContent(narrowed('CerthubError', 'code', codes)));

const UPLOAD_ERRORS = ['CERT_PARSE_FAILED', 'CERT_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_UNSUPPORTED_KEY', 'KEY_PARSE_FAILED', 'KEY_ENCRYPTED', 'KEY_MISMATCH', 'CHAIN_PARSE_FAILED', 'CHAIN_ORDER_INVALID', 'CHAIN_BROKEN'] as const;

const uploadBody = (nameRequired: boolean): RequestBody => ({
  required: true,
  content: jsonContent(schemaRef(nameRequired ? 'CertificateImport' : 'CertificateUpload')),
});

const common = {
  '401': error(['UNAUTHENTICATED'], 'No token, or one certhub did not issue'),
  '403': error(['FORBIDDEN'], 'The token belongs to another tenant'),
  default: response("Another error in certhub's own body (e.g. 503 while the bus or storage is unavailable)", jsonContent(schemaRef('CerthubError'))),
};

export const IMPORT_CERTIFICATE: Operation = {
  tags: ['certhub'],
  summary: 'Import a certificate (PEM fields, an encrypted key with its passphrase, or a PKCS#12 bundle)',
  description:
    'Goes through the pipeline every dialect uses (gateway → parser → storage) and emits `certificate.events.<tenant>.created`. ' +
    'Refused at the first blocking problem; `POST …/validate` lists them all. The passphrase opens the key or bundle in the ' +
    'parser only and is never stored or logged. PKCS#12 bundles encrypted with AES (PBES2) or triple DES are read; 40-bit ' +
    'RC2 (`openssl pkcs12 -legacy`) and RC4 bundles are refused with the reason. A certificate the tenant already holds ' +
    '(same SHA-256 fingerprint) is imported again, and `duplicateOf` names the existing ids. Send `Idempotency-Key` to make ' +
    'a retry return the first answer.',
  operationId: 'certhubImportCertificate',
  parameters: [tenantParameter, IDEMPOTENCY_KEY_PARAMETER],
  requestBody: uploadBody(true),
  responses: {
    '201': response('Stored', jsonContent(schemaRef('ImportedCertificate'))),
    '400': error(['INVALID_REQUEST', ...UPLOAD_ERRORS], 'The body is malformed, or the upload has a problem (the first one found)'),
    '404': error(['NOT_FOUND'], 'A retry with the Idempotency-Key of an import whose certificate was deleted since'),
    '409': error(['NAME_CONFLICT', 'IDEMPOTENCY_KEY_REUSED'], 'The name is taken, or the Idempotency-Key was used for other content'),
    ...common,
  },
  security: [{ CerthubToken: [] }],
};

export const UPDATE_CERTIFICATE: Operation = {
  tags: ['certhub'],
  summary: 'Re-import a stored certificate, keeping its id (a new version)',
  description:
    'The same body as an import. The certificate, key and chain become a new version; the one they replace is kept for ' +
    '`GET …/{certificate_id}/versions` and `POST …/{certificate_id}/rollback`. Tags left out are kept, tags sent replace ' +
    'them. Emits `certificate.events.<tenant>.updated` with the new version. Send `Idempotency-Key` to make a retry return ' +
    'the first answer.',
  operationId: 'certhubUpdateCertificate',
  parameters: [
    tenantParameter,
    { name: 'certificate_id', in: 'path', required: true, description: "certhub's integer id.", schema: { type: 'integer', minimum: 1 } },
    IDEMPOTENCY_KEY_PARAMETER,
  ],
  requestBody: uploadBody(true),
  responses: {
    '200': response('Stored as the new current version', jsonContent(schemaRef('ImportedCertificate'))),
    '400': error(['INVALID_REQUEST', ...UPLOAD_ERRORS], 'The body or certificate_id is malformed, or the upload has a problem (the first one found)'),
    '404': error(['NOT_FOUND'], 'The tenant holds no certificate with this id (never had it, or deleted it)'),
    '409': error(['NAME_CONFLICT', 'IDEMPOTENCY_KEY_REUSED'], 'The new name is taken, or the Idempotency-Key was used for other content'),
    ...common,
  },
  security: [{ CerthubToken: [] }],
};

export const VALIDATE_CERTIFICATE: Operation = {
  tags: ['certhub'],
  summary: 'Dry run: every problem of an upload, and the metadata that would be stored',
  description:
    'The same checks as an import, run by the parser, but nothing is stored and no event is emitted. Answers 200 whether ' +
    'or not the upload is valid: `problems` lists every problem found (errors block an import, warnings do not), each with ' +
    'the field at fault and how to fix it. A malformed body (a missing certificate, an unknown field) is a 400.',
  operationId: 'certhubValidateCertificate',
  parameters: [tenantParameter],
  requestBody: uploadBody(false),
  responses: {
    '200': response('The report', jsonContent(schemaRef('ValidationReport'))),
    '400': error(['INVALID_REQUEST'], 'The body is malformed'),
    ...common,
  },
  security: [{ CerthubToken: [] }],
};

const uploadProperties = {
  certificate: { type: 'string', maxLength: CommandLimits.certificate, description: 'PEM; further certificates after the first are taken as its chain. Required unless `pkcs12` is given.' },
  privateKey: { type: 'string', maxLength: CommandLimits.privateKey, description: 'PEM: PKCS#8, PKCS#1 or SEC1; encrypted (PKCS#8 or `Proc-Type: 4,ENCRYPTED`) only with `passphrase`. Required unless `pkcs12` is given.' },
  chain: { type: 'string', maxLength: CommandLimits.chain, description: 'PEM intermediates, the issuer first.' },
  trustedRootCa: { type: 'string', maxLength: CommandLimits.chain, description: 'PEM root the chain ends at.' },
  pkcs12: { type: 'string', format: 'byte', maxLength: CommandLimits.pkcs12, description: 'A .pfx / .p12 file in base64, instead of `certificate` and `privateKey`.' },
  passphrase: { type: 'string', maxLength: CommandLimits.passphrase, description: 'Opens the encrypted key or the bundle; never stored.' },
  name: { type: 'string', minLength: 1, maxLength: CommandLimits.name, description: 'Unique in the tenant.' },
  tags: {
    type: 'object',
    description: `At most ${TagLimits.maxEntries} tags; keys 1-${TagLimits.maxKeyLength} of [A-Za-z0-9_-], values up to ${TagLimits.maxValueLength} characters. Searchable with \`tag=key:value\`.`,
    additionalProperties: { type: 'string', maxLength: TagLimits.maxValueLength },
  },
} as const;

export const CERTIFICATE_UPLOAD_COMPONENTS: Components = {
  schemas: {
    CertificateImport: { type: 'object', required: ['name'], properties: uploadProperties },
    CertificateUpload: { type: 'object', description: 'As an import; `name` and `tags` are optional and only checked.', properties: uploadProperties },
    ImportedCertificate: {
      allOf: [
        schemaRef('Certificate'),
        {
          type: 'object',
          required: ['duplicateOf'],
          properties: {
            duplicateOf: { type: 'array', items: { type: 'integer' }, description: `Ids of the tenant's other certificates with the same SHA-256 fingerprint (at most ${DUPLICATE_IDS_LISTED}).` },
          },
        },
      ],
    },
    ValidationReport: {
      type: 'object',
      required: ['valid', 'problems', 'metadata', 'chain'],
      properties: {
        valid: { type: 'boolean', description: 'True when no problem is an error: an import would be accepted.' },
        problems: { type: 'array', items: schemaRef('UploadProblem') },
        metadata: { type: 'object', nullable: true, additionalProperties: true, description: "The metadata that would be stored; null when the certificate can't be read." },
        chain: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
    },
    UploadProblem: {
      type: 'object',
      required: ['code', 'severity', 'field', 'message'],
      properties: {
        code: { type: 'string', enum: [...ERROR_CODES, ...UploadWarningCodes] },
        severity: { type: 'string', enum: ['error', 'warning'] },
        field: { type: 'string', enum: ['certificate', 'privateKey', 'chain', 'trustedRootCa', 'pkcs12', 'passphrase'] },
        message: { type: 'string', description: 'What is wrong and how to fix it.' },
      },
    },
  },
};
