import type { EncryptedKeyEnvelope, RewrapRequest, SealedListRequest } from '@certhub/contracts';

const KINDS = ['certificate-key', 'credential-secret'];
const ENVELOPE_FIELDS = ['algorithm', 'kekId', 'wrappedDataKey', 'iv', 'authTag', 'ciphertext'] as const;

/** RPC payloads come off the bus: only the exact shapes pass, so nothing reaches a query as an operator. */
export function isSealedListRequest(value: unknown): value is SealedListRequest {
  const request = value as Partial<SealedListRequest> | null;
  return (
    typeof request === 'object' && request !== null &&
    KINDS.includes(request.kind as string) &&
    typeof request.notKekId === 'string' &&
    (request.after === null || typeof request.after === 'string') &&
    Number.isInteger(request.limit) && (request.limit as number) > 0 && (request.limit as number) <= 1_000
  );
}

/** The request when its shape is right and it only re-wraps; otherwise what is wrong with it. */
export function readRewrapRequest(value: unknown): RewrapRequest | string {
  const request = value as Partial<RewrapRequest> | null;
  if (typeof request !== 'object' || request === null || !KINDS.includes(request.kind as string) || typeof request.id !== 'string') {
    return 'kind and id are required';
  }
  if (!isEnvelope(request.expected) || !isEnvelope(request.replacement)) return 'expected and replacement must be envelopes';
  // Rotation re-wraps the data key only: the sealed key itself must be byte for byte what it was.
  for (const field of ['iv', 'authTag', 'ciphertext'] as const) {
    if (request.expected[field] !== request.replacement[field]) return `a rewrap may not change ${field}`;
  }
  return request as RewrapRequest;
}

function isEnvelope(value: unknown): value is EncryptedKeyEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.keys(record).length === ENVELOPE_FIELDS.length && ENVELOPE_FIELDS.every((field) => typeof record[field] === 'string');
}
