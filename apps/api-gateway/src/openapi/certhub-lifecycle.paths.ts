import type { Components, Operation, Parameter } from './openapi.types';
import { IDEMPOTENCY_KEY_PARAMETER, jsonContent, narrowed, response, schemaRef } from './shared-schemas';

/**
 * `GET …/certificates/{id}/versions`, `POST …/{id}/rollback` and `DELETE …/{id}` (certificate-queries/ and
 * certificate-lifecycle/): certhub's own version history and retirement, errors in certhub's body.
 */
const error = (codes: readonly string[], description: string) => response(description, jsonContent(narrowed('CerthubError', 'code', codes)));

const pathParameters: Parameter[] = [
  { name: 'tenant_id', in: 'path', required: true, description: "The tenant; the token's tenant must be this one.", schema: { type: 'string' } },
  { name: 'certificate_id', in: 'path', required: true, description: "certhub's integer id (Rainbond's id, Alibaba's CertId).", schema: { type: 'integer', minimum: 1 } },
];

const common = {
  '401': error(['UNAUTHENTICATED'], 'No token, or one certhub did not issue'),
  '403': error(['FORBIDDEN'], 'The token belongs to another tenant'),
  default: response("Another error in certhub's own body (e.g. 503 while the bus or storage is unavailable)", jsonContent(schemaRef('CerthubError'))),
};

export const LIST_VERSIONS: Operation = {
  tags: ['certhub'],
  summary: "A certificate's kept versions",
  description:
    'Newest first, the current one included: version, SHA-256 fingerprint, validity, when it became current and through ' +
    'which request (Idempotency-Key or bus requestId) and operation. At most CERTIFICATE_VERSIONS_KEPT (default 10) are ' +
    "kept. Never a PEM or a key. A deleted certificate's, or another tenant's, id is 404.",
  operationId: 'certhubListCertificateVersions',
  parameters: pathParameters,
  responses: {
    '200': response('The kept versions', jsonContent(schemaRef('CertificateVersions'))),
    '400': error(['INVALID_REQUEST'], 'certificate_id is not a positive integer'),
    '404': error(['NOT_FOUND'], 'The tenant has no certificate with this id'),
    ...common,
  },
  security: [{ CerthubToken: [] }],
};

export const ROLLBACK_CERTIFICATE: Operation = {
  tags: ['certhub'],
  summary: 'Make an earlier version current again',
  description:
    "Version `version`'s certificate, chain and sealed key become current as a new version (name and labels stay); " +
    '`certificate.updated` is published with the new `version` and `restoredVersion`. Goes through the bus like every write.',
  operationId: 'certhubRollbackCertificate',
  parameters: [...pathParameters, IDEMPOTENCY_KEY_PARAMETER],
  requestBody: { required: true, content: jsonContent(schemaRef('RollbackRequest')) },
  responses: {
    '200': response('The certificate at its new version', jsonContent(schemaRef('RollbackResult'))),
    '400': error(['INVALID_REQUEST', 'CERT_EXPIRED'], 'The body is not {"version": n}, or that version has expired'),
    '404': error(['NOT_FOUND'], 'No such certificate for the tenant, or the version is no longer kept'),
    '409': error(['IDEMPOTENCY_KEY_REUSED'], 'The Idempotency-Key was used for another request'),
    ...common,
  },
  security: [{ CerthubToken: [] }],
};

export const DELETE_CERTIFICATE: Operation = {
  tags: ['certhub'],
  summary: 'Delete a certificate',
  description:
    'Idempotent: a repeated delete answers 200 with the same body. The certificate leaves every read, listing, dialect ' +
    'and the expiry watch at once and its name is free again; `certificate.deleted` is published. Its sealed keys are ' +
    'destroyed after DELETED_KEY_RETENTION_MS (default 7 days).',
  operationId: 'certhubDeleteCertificate',
  parameters: [...pathParameters, IDEMPOTENCY_KEY_PARAMETER],
  responses: {
    '200': response('Deleted (now or before)', jsonContent(schemaRef('DeletedCertificate'))),
    '400': error(['INVALID_REQUEST'], 'certificate_id is not a positive integer'),
    '404': error(['NOT_FOUND'], 'The tenant never had a certificate with this id'),
    '409': error(['IDEMPOTENCY_KEY_REUSED'], 'The Idempotency-Key was used for another request'),
    ...common,
  },
  security: [{ CerthubToken: [] }],
};

export const CERTIFICATE_LIFECYCLE_COMPONENTS: Components = {
  schemas: {
    CertificateVersions: {
      type: 'object',
      required: ['certificateId', 'currentVersion', 'versions'],
      properties: {
        certificateId: { type: 'integer' },
        currentVersion: { type: 'integer', minimum: 1 },
        versions: { type: 'array', items: schemaRef('CertificateVersion') },
      },
    },
    CertificateVersion: {
      type: 'object',
      required: ['version', 'current', 'fingerprintSha256', 'notBefore', 'notAfter', 'recordedAt', 'requestId', 'operation'],
      properties: {
        version: { type: 'integer', minimum: 1 },
        current: { type: 'boolean' },
        fingerprintSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        notBefore: { type: 'string', format: 'date-time' },
        notAfter: { type: 'string', format: 'date-time' },
        recordedAt: { type: 'string', format: 'date-time', description: 'When this version became current.' },
        requestId: { type: 'string', nullable: true, description: 'The request that made it current.' },
        operation: { type: 'string', enum: ['create', 'update', 'rollback'] },
        restoredVersion: { type: 'integer', description: 'For a rollback: the version whose content it restored.' },
      },
    },
    RollbackRequest: {
      type: 'object',
      required: ['version'],
      additionalProperties: false,
      properties: { version: { type: 'integer', minimum: 1, description: 'A kept version (see …/versions).' } },
    },
    RollbackResult: {
      type: 'object',
      required: ['version', 'restoredVersion', 'certificate'],
      properties: {
        version: { type: 'integer', description: 'The new current version.' },
        restoredVersion: { type: 'integer' },
        certificate: schemaRef('Certificate'),
      },
    },
    DeletedCertificate: {
      type: 'object',
      required: ['id', 'name', 'deletedAt'],
      properties: {
        id: { type: 'integer' },
        name: { type: 'string' },
        deletedAt: { type: 'string', format: 'date-time', description: 'When it was first deleted.' },
      },
    },
  },
};
