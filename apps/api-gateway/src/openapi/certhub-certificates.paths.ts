import { CertificateQueryLimits } from '@certhub/contracts';
import type { Components, Operation, Parameter } from './openapi.types';
import { jsonContent, narrowed, response, schemaRef } from './shared-schemas';

/**
 * `GET /certhub/v1/tenants/{tenant_id}/certificates` (certificate-queries/): certhub's own read API, answering
 * summaries sorted by notAfter and errors in certhub's body. Limits come from the contract the gateway checks.
 */
const query = (name: string, description: string, schema: Parameter['schema']): Parameter => ({ name, in: 'query', required: false, description, schema });

const error = (status: number, codes: readonly string[], description: string) =>
  response(description, jsonContent(narrowed('CerthubError', 'code', codes)));

export const LIST_CERTIFICATES: Operation = {
  tags: ['certhub'],
  summary: 'List certificates by host name, expiry, name prefix, fingerprint and tags',
  description:
    'Summaries only (no PEM, no key), sorted by notAfter then id. `hostname` matches exactly (case-insensitive) or ' +
    'through a wildcard certificate covering one label; `expires_within_days` keeps certificates with notAfter at most ' +
    'that many days away, expired ones included; `q`, `fingerprint` and each `tag` narrow further. Every filter given must hold. ' +
    'Unknown parameters are refused.',
  operationId: 'certhubListCertificates',
  parameters: [
    { name: 'tenant_id', in: 'path', required: true, description: "The tenant; the token's tenant must be this one.", schema: { type: 'string' } },
    query('hostname', 'A host name (www.example.com) or a wildcard name (*.example.com).', { type: 'string' }),
    query('expires_within_days', 'Only certificates expiring within this many days (0: already expired).', {
      type: 'integer',
      minimum: 0,
      maximum: CertificateQueryLimits.maxExpiresWithinDays,
    }),
    query('q', 'Only certificates whose name starts with this (case-sensitive, matched as text).', {
      type: 'string',
      minLength: 1,
      maxLength: CertificateQueryLimits.maxNamePrefixLength,
    }),
    query('fingerprint', 'Only the certificate with this SHA-256 fingerprint: 64 hex digits, either case, colons allowed.', {
      type: 'string',
      pattern: '^[0-9A-Fa-f]{2}(:?[0-9A-Fa-f]{2}){31}$',
    }),
    {
      name: 'tag',
      in: 'query',
      required: false,
      description: `Only certificates with this tag, as key:value (e.g. env:prod); repeat it (at most ${CertificateQueryLimits.maxTags} times) and every one must hold.`,
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}:' },
    },
    query('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: CertificateQueryLimits.maxLimit, default: CertificateQueryLimits.defaultLimit }),
    query('after', "The previous page's `next`.", { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: CertificateQueryLimits.maxCursorLength }),
  ],
  responses: {
    '200': response('A page of certificate summaries', jsonContent(schemaRef('CertificateList'))),
    '400': error(400, ['INVALID_REQUEST'], 'A parameter is malformed, repeated or unknown'),
    '401': error(401, ['UNAUTHENTICATED'], 'No token, or one certhub did not issue'),
    '403': error(403, ['FORBIDDEN'], "The token belongs to another tenant"),
    default: response("Another error in certhub's own body (e.g. 503 while storage is unavailable)", jsonContent(schemaRef('CerthubError'))),
  },
  security: [{ CerthubToken: [] }],
};

export const GET_CERTIFICATE: Operation = {
  tags: ['certhub'],
  summary: 'One certificate',
  description:
    'The stored certificate: its PEM and chain, metadata (subject, issuer, SANs, validity, SHA-256 fingerprint, key), ' +
    "chain metadata, labels and current revision. Never the private key. Another tenant's id is answered 404, like one " +
    'that does not exist.',
  operationId: 'certhubGetCertificate',
  parameters: [
    { name: 'tenant_id', in: 'path', required: true, description: "The tenant; the token's tenant must be this one.", schema: { type: 'string' } },
    { name: 'certificate_id', in: 'path', required: true, description: "certhub's integer id (Rainbond's id, Alibaba's CertId).", schema: { type: 'integer', minimum: 1 } },
  ],
  responses: {
    '200': response('The certificate', jsonContent(schemaRef('Certificate'))),
    '400': error(400, ['INVALID_REQUEST'], 'certificate_id is not a positive integer'),
    '401': error(401, ['UNAUTHENTICATED'], 'No token, or one certhub did not issue'),
    '403': error(403, ['FORBIDDEN'], 'The token belongs to another tenant'),
    '404': error(404, ['NOT_FOUND'], 'The tenant has no certificate with this id'),
    default: response("Another error in certhub's own body (e.g. 503 while storage is unavailable)", jsonContent(schemaRef('CerthubError'))),
  },
  security: [{ CerthubToken: [] }],
};

export const CERTIFICATE_LIST_COMPONENTS: Components = {
  schemas: {
    CertificateList: {
      type: 'object',
      required: ['certificates', 'next'],
      properties: {
        certificates: { type: 'array', items: schemaRef('CertificateSummary') },
        next: { type: 'string', nullable: true, description: 'Pass as `after` for the next page; null on the last one.' },
      },
    },
    Certificate: {
      type: 'object',
      required: ['id', 'uid', 'scmId', 'tenantId', 'name', 'labels', 'tags', 'certificatePem', 'chainPem', 'hasTrustedRootCa', 'metadata', 'chain', 'revision', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'integer' },
        uid: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        scmId: { type: 'string', pattern: '^scs[0-9]{13}$' },
        tenantId: { type: 'string' },
        name: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        tags: { type: 'object', additionalProperties: { type: 'string' }, description: 'Searchable key/value pairs; `{}` when none.' },
        certificatePem: { type: 'string' },
        chainPem: { type: 'array', items: { type: 'string' } },
        hasTrustedRootCa: { type: 'boolean' },
        metadata: {
          type: 'object',
          description: 'What the parser read: version, serial (hex and decimal), subject and issuer, SANs, signature algorithm, validity, fingerprintSha256, publicKey, isCa.',
          additionalProperties: true,
        },
        chain: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Subject, issuer, serial, validity and fingerprint of each chain certificate.' },
        revision: { type: 'integer', minimum: 1, description: 'The current version (see …/versions): incremented by every update and rollback.' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
    CertificateSummary: {
      type: 'object',
      required: ['id', 'uid', 'scmId', 'name', 'hostnames', 'notBefore', 'notAfter', 'commonName', 'labels', 'tags'],
      properties: {
        id: { type: 'integer' },
        uid: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        scmId: { type: 'string', pattern: '^scs[0-9]{13}$' },
        name: { type: 'string' },
        hostnames: { type: 'array', items: { type: 'string' } },
        notBefore: { type: 'string', format: 'date-time' },
        notAfter: { type: 'string', format: 'date-time' },
        commonName: { type: 'string', nullable: true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
  securitySchemes: {
    CerthubToken: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'A certhub token (`npm run admin -- create-token --tenant <tenant>`), optionally after `Bearer `.',
    },
  },
};
