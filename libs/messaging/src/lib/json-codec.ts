const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export class UndecodablePayloadError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UndecodablePayloadError';
  }
}

/** Decodes strictly: invalid UTF-8 or JSON is an UndecodablePayloadError, never a silently mangled value. */
export function decodeJson(data: Uint8Array): unknown {
  let text: string;
  try {
    text = decoder.decode(data);
  } catch {
    throw new UndecodablePayloadError('payload is not UTF-8 JSON: invalid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UndecodablePayloadError(`payload is not UTF-8 JSON: ${error instanceof Error ? error.message : 'invalid JSON'}`);
  }
}
