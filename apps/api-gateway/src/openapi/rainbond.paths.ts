import { TEAM_ID } from '../rainbond/rainbond-certificates.controller';
import { RAINBOND_ERRORS } from '../rainbond/rainbond-errors';
import type { DocumentSection, Operation, Response, Schema } from './openapi.types';
import { codesByStatus, IDEMPOTENCY_KEY_PARAMETER, jsonContent, narrowed, response, schemaRef } from './shared-schemas';

const TAG = 'Rainbond';

/**
 * The `msg` prefixes each status can carry, from the renderer's own table; 413 is the body parser's
 * (INVALID_REQUEST with the HTTP layer's status).
 */
export const RAINBOND_MESSAGES_BY_STATUS = codesByStatus([
  ...Object.values(RAINBOND_ERRORS).map(({ status, msg }) => [status, msg] as const),
  [413, RAINBOND_ERRORS.INVALID_REQUEST.msg],
]);

const errorResponse = (status: number, description: string): Response => {
  const messages = RAINBOND_MESSAGES_BY_STATUS.get(status) ?? [];
  return response(
    `${description}. \`msg\` starts with one of: ${messages.map((msg) => `"${msg}"`).join(', ')}, followed by certhub's explanation.`,
    jsonContent(narrowed('RainbondError', 'code', [status])),
  );
};

const ERRORS: Readonly<Record<string, string>> = {
  '400': 'Missing, wrong-typed or too long fields, a body that is not a JSON object, or a certificate/key the parser refuses',
  '401': 'No Authorization header, or a token certhub did not issue',
  '403': 'The token belongs to another team',
  '404': "Unknown id, another team's id, or a non-numeric id",
  // A retried add answers the stored result, and a certificate deleted since then has none to give.
  '404 add': 'A retry with the Idempotency-Key of an add whose certificate was deleted since',
  '409': 'Idempotency-Key reused for a different body',
  '412': 'The alias is taken in this team',
  '413': 'Body over HTTP_BODY_LIMIT_BYTES',
  '500': 'Unexpected failure; nothing stored',
  '503': 'Bus or database unavailable; retry with the same Idempotency-Key',
};

/** A status, or a status and the operation whose own description it takes (`404 add`). */
const errors = (statuses: readonly string[]): Record<string, Response> =>
  Object.fromEntries(statuses.map((key) => [key.split(' ')[0], errorResponse(Number.parseInt(key, 10), ERRORS[key] ?? 'Error')]));

const teamId = {
  name: 'team_id',
  in: 'path',
  required: true,
  description: "The team (certhub tenant); the token's team must be this one.",
  schema: { type: 'string', pattern: TEAM_ID.source },
} as const;

const body = { required: true, content: jsonContent(schemaRef('RainbondCertificateBody')) };
const ok = response('The request body plus the stored integer `id` (TeamCertificatesR)', jsonContent(schemaRef('RainbondCertificate')));
const security = [{ RainbondToken: [] }];

const add: Operation = {
  tags: [TAG],
  summary: 'Add a team certificate',
  operationId: 'rainbondAddCertificate',
  parameters: [teamId, IDEMPOTENCY_KEY_PARAMETER],
  requestBody: body,
  responses: { '200': ok, ...errors(['400', '401', '403', '404 add', '409', '412', '413', '500', '503']) },
  security,
};

const update: Operation = {
  tags: [TAG],
  summary: 'Update a team certificate',
  description: "The certificate must belong to `team_id`; another team's id, an unknown id or a non-numeric id is 404.",
  operationId: 'rainbondUpdateCertificate',
  parameters: [
    teamId,
    { name: 'certificate_id', in: 'path', required: true, schema: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } },
    IDEMPOTENCY_KEY_PARAMETER,
  ],
  requestBody: body,
  responses: { '200': ok, ...errors(['400', '401', '403', '404', '409', '412', '413', '500', '503']) },
  security,
};

/** Lengths of RainbondCertificateBody's validators (Rainbond's serializer: alias 64, PEMs 8192, type 32). */
const text = (maxLength: number, description: string): Schema => ({ type: 'string', minLength: 1, maxLength, description });
const bodyProperties = {
  alias: text(64, 'Certificate name, unique per team.'),
  private_key: text(8192, 'Unencrypted PEM private key.'),
  certificate: text(8192, 'PEM certificate; further CERTIFICATE blocks after the leaf are its chain.'),
  certificate_type: text(32, 'Free text, stored as a label.'),
};

export const RAINBOND_SECTION: DocumentSection = {
  tag: { name: TAG, description: 'Rainbond OpenAPI team certificates (docs/dialects/rainbond.md).' },
  paths: {
    '/openapi/v1/teams/{team_id}/certificates': { post: add },
    '/openapi/v1/teams/{team_id}/certificates/{certificate_id}': { put: update },
  },
  components: {
    schemas: {
      RainbondCertificateBody: { type: 'object', required: Object.keys(bodyProperties), properties: bodyProperties },
      RainbondCertificate: {
        type: 'object',
        required: [...Object.keys(bodyProperties), 'id'],
        properties: { ...bodyProperties, id: { type: 'integer', minimum: 1 } },
      },
      RainbondError: {
        type: 'object',
        required: ['code', 'msg', 'msg_show', 'data'],
        properties: {
          code: { type: 'integer', description: 'The HTTP status.' },
          msg: { type: 'string', description: "Rainbond's English message, then certhub's explanation." },
          msg_show: { type: 'string', description: "Rainbond's Chinese message, as its console shows it." },
          data: {
            type: 'object',
            required: ['bean', 'list'],
            properties: { bean: { type: 'object' }, list: { type: 'array', items: {} } },
          },
        },
      },
    },
    securitySchemes: {
      RainbondToken: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'A team token (`npm run admin -- create-token --tenant <team_id>`), bare or as `Bearer <token>`.',
      },
    },
  },
};
