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

/** The gateway's own endpoints: health probes and this document. Unknown paths answer CerthubError. */
export const CERTHUB_SECTION: DocumentSection = {
  tag: { name: TAG, description: "The gateway's own endpoints." },
  paths: { '/health/live': { get: live }, '/health/ready': { get: ready }, '/openapi.json': { get: openApi } },
  components: {
    schemas: {
      HealthLive: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
      HealthReady: {
        type: 'object',
        required: ['ready', 'nats'],
        properties: { ready: { type: 'boolean' }, nats: { type: 'boolean' } },
      },
    },
  },
};
