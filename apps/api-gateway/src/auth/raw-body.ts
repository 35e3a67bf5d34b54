import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';

/**
 * The body bytes exactly as they arrived, which a body signature covers: the JSON and form parsers keep them
 * (`rawBody: true` in main.ts). An empty buffer when the request has no body; null when it has one that no
 * parser read (a content type certhub does not take), so there are no bytes to check a signature against.
 */
export function rawBodyOf(request: Request): Buffer | null {
  const length = request.headers['content-length'];
  const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return Buffer.alloc(0);
  const raw = (request as RawBodyRequest<Request>).rawBody;
  return Buffer.isBuffer(raw) ? raw : null;
}

/** Lower-case hex SHA-256, the payload hash both clouds' header signatures use. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
