import { IDEMPOTENCY_KEY } from '../request-context/request-id';
import type { Components, Content, Parameter, Reference, Response, Schema, SecurityRequirement } from './openapi.types';

type ComponentKind = 'schemas' | 'parameters' | 'headers' | 'responses' | 'securitySchemes';

export const ref = (kind: ComponentKind, name: string): Reference => ({ $ref: `#/components/${kind}/${name}` });
export const schemaRef = (name: string): Reference => ref('schemas', name);

/** Every answer, success or error, names its request id (RequestIdMiddleware). */
export const REQUEST_ID_HEADERS = { 'X-Request-Id': ref('headers', 'XRequestId') } as const;

export const IDEMPOTENCY_KEY_PARAMETER = ref('parameters', 'IdempotencyKey');

export function jsonContent(schema: Schema | Reference, example?: unknown): Content {
  return { 'application/json': example === undefined ? { schema } : { schema, example } };
}

export function response(description: string, content?: Content): Response {
  return content ? { description, headers: REQUEST_ID_HEADERS, content } : { description, headers: REQUEST_ID_HEADERS };
}

/** An error body schema narrowed to the codes one status can carry: `allOf` the dialect's body and an enum. */
export function narrowed(bodySchema: string, property: string, values: ReadonlyArray<string | number>, extra: Schema = {}): Schema {
  return { allOf: [schemaRef(bodySchema), { type: 'object', ...extra, properties: { ...extra.properties, [property]: { enum: values } } }] };
}

/** Status → the distinct codes it carries, statuses ascending and codes sorted, from (status, code) pairs. */
export function codesByStatus(pairs: Iterable<readonly [number, string]>): ReadonlyMap<number, readonly string[]> {
  const byStatus = new Map<number, Set<string>>();
  for (const [status, code] of pairs) byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  return new Map([...byStatus].sort(([a], [b]) => a - b).map(([status, codes]) => [status, [...codes].sort()]));
}

const idempotencyKey: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    "certhub's retry key: a retry with the same key gets the first answer; the same key with another request is a " +
    'conflict (409, Alibaba: 400 IdempotentParameterMismatch); a malformed key is a 400. Without it every request ' +
    'gets a fresh UUID. The request id is echoed in X-Request-Id.',
  schema: { type: 'string', minLength: 1, maxLength: 100, pattern: IDEMPOTENCY_KEY.source },
};

/** Huawei's two ways to authenticate; a request uses one of them (AK/SK when Authorization is SDK-…). */
export const HUAWEI_SECURITY: readonly SecurityRequirement[] = [{ HuaweiToken: [] }, { HuaweiAkSk: [] }];

/** The headers of Huawei's AK/SK signing, documented on both Huawei operations. */
export const HUAWEI_AKSK_HEADERS: readonly Parameter[] = [
  {
    name: 'Authorization',
    in: 'header',
    required: false,
    description: 'AK/SK signature (see the HuaweiAkSk security scheme); without it, X-Auth-Token is required.',
    schema: { type: 'string', pattern: '^SDK-HMAC-SHA256 ' },
  },
  { name: 'X-Sdk-Date', in: 'header', required: false, description: 'With AK/SK: the signing time, within 15 minutes of the gateway clock.', schema: { type: 'string', pattern: '^[0-9]{8}T[0-9]{6}Z$' } },
];

/** Components every section may refer to. */
export const SHARED_COMPONENTS: Components = {
  schemas: {
    CerthubError: {
      type: 'object',
      description: 'Error body of paths outside the four dialects (health, /openapi.json, unknown paths).',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', description: "A code of certhub's error catalogue (libs/contracts)." },
        message: { type: 'string' },
        requestId: { type: 'string' },
      },
      additionalProperties: false,
    },
    HuaweiError: {
      type: 'object',
      description: "Huawei's error body, exactly these two fields (the request id is in X-Request-Id).",
      required: ['error_code', 'error_msg'],
      properties: {
        error_code: { type: 'string', example: 'APIG.1002' },
        error_msg: { type: 'string', description: "Huawei's message for the code, then certhub's explanation where it has one." },
      },
      additionalProperties: false,
    },
  },
  parameters: { IdempotencyKey: idempotencyKey },
  headers: {
    XRequestId: { description: 'The request id: the Idempotency-Key when one was sent, otherwise a UUID.', schema: { type: 'string' } },
  },
  securitySchemes: {
    HuaweiToken: {
      type: 'apiKey',
      in: 'header',
      name: 'X-Auth-Token',
      description: 'A certhub token (`npm run admin -- create-token --tenant <project_id>`); its tenant is the Huawei project.',
    },
    HuaweiAkSk: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description:
        'Huawei AK/SK as its SDKs sign (`npm run admin -- create-access-key --cloud huawei --tenant <project_id>`): ' +
        '`SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex>` with Signature = hex(HMAC-SHA256(SK, ' +
        '"SDK-HMAC-SHA256\\n" + X-Sdk-Date + "\\n" + hex(sha256(method \\n URI with trailing / \\n sorted encoded query \\n ' +
        'signed headers as name:value lines \\n signed names joined with ; \\n hex(sha256(body)))))). X-Sdk-Date (YYYYMMDDTHHMMSSZ) ' +
        'within 15 minutes; host signed; X-Security-Token (temporary AK/SK) refused. The AK\'s tenant is the project; every ' +
        'failure is 401 APIG.0301.',
    },
  },
};
