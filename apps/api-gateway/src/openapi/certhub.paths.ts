import { CERTIFICATE_LIST_COMPONENTS, GET_CERTIFICATE, LIST_CERTIFICATES } from './certhub-certificates.paths';
import { CERTIFICATE_LIFECYCLE_COMPONENTS, DELETE_CERTIFICATE, LIST_VERSIONS, ROLLBACK_CERTIFICATE } from './certhub-lifecycle.paths';
import { CERTIFICATE_UPLOAD_COMPONENTS, IMPORT_CERTIFICATE, UPDATE_CERTIFICATE, VALIDATE_CERTIFICATE } from './certhub-uploads.paths';
import type { DocumentSection, Operation } from './openapi.types';
import { jsonContent, response, schemaRef } from './shared-schemas';

const TAG = 'certhub';

/** Outside the dialects errors are certhub's own body, e.g. a malformed Idempotency-Key (400). */
const otherwise = { default: response("An error in certhub's own body", jsonContent(schemaRef('CerthubError'))) };

const live: Operation = {
  tags: [TAG],
  summary: 'Liveness',
  operationId: 'healthLive',
  responses: { '200': response('The process is up', jsonContent(schemaRef('HealthLive'))), ...otherwise },
};

const ready: Operation = {
  tags: [TAG],
  summary: 'Readiness: the NATS connection is up',
  operationId: 'healthReady',
  responses: {
    '200': response('Ready', jsonContent(schemaRef('HealthReady'), { ready: true, nats: true })),
    '503': response('Not connected to NATS', jsonContent(schemaRef('HealthReady'), { ready: false, nats: false })),
    ...otherwise,
  },
};

const openApi: Operation = {
  tags: [TAG],
  summary: 'This OpenAPI 3.0.3 document',
  operationId: 'openApiDocument',
  responses: { '200': response('The document', jsonContent({ type: 'object' })), ...otherwise },
};

const metrics: Operation = {
  tags: [TAG],
  summary: 'Prometheus metrics',
  description: 'Requests by dialect and status, bus lag and process metrics, in the Prometheus text format.',
  operationId: 'metrics',
  responses: {
    '200': response('Prometheus text exposition format 0.0.4', { 'text/plain': { schema: { type: 'string' } } }),
    ...otherwise,
  },
};

/** The gateway's own endpoints: the certificate listing, health probes, metrics and this document. Unknown paths answer CerthubError. */
export const CERTHUB_SECTION: DocumentSection = {
  tag: { name: TAG, description: "The gateway's own endpoints." },
  paths: {
    '/certhub/v1/tenants/{tenant_id}/certificates': { get: LIST_CERTIFICATES, post: IMPORT_CERTIFICATE },
    '/certhub/v1/tenants/{tenant_id}/certificates/validate': { post: VALIDATE_CERTIFICATE },
    '/certhub/v1/tenants/{tenant_id}/certificates/{certificate_id}': { get: GET_CERTIFICATE, put: UPDATE_CERTIFICATE, delete: DELETE_CERTIFICATE },
    '/certhub/v1/tenants/{tenant_id}/certificates/{certificate_id}/versions': { get: LIST_VERSIONS },
    '/certhub/v1/tenants/{tenant_id}/certificates/{certificate_id}/rollback': { post: ROLLBACK_CERTIFICATE },
    '/health/live': { get: live },
    '/health/ready': { get: ready },
    '/metrics': { get: metrics },
    '/openapi.json': { get: openApi },
  },
  components: {
    securitySchemes: CERTIFICATE_LIST_COMPONENTS.securitySchemes,
    schemas: {
      ...CERTIFICATE_LIST_COMPONENTS.schemas,
      ...CERTIFICATE_LIFECYCLE_COMPONENTS.schemas,
      ...CERTIFICATE_UPLOAD_COMPONENTS.schemas,
      HealthLive: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
      HealthReady: {
        type: 'object',
        required: ['ready', 'nats'],
        properties: { ready: { type: 'boolean' }, nats: { type: 'boolean' } },
      },
    },
  },
};
