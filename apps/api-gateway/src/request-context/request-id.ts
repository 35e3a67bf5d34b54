import { CerthubError } from '@certhub/contracts';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,99}$/;

/**
 * The request id of an HTTP request: the client's `Idempotency-Key` header when it sends one (so a retry
 * after a timeout or a lost answer gets the stored result), otherwise a fresh UUID.
 */
export function requestIdOf(request: Request): string {
  const header = request.header('idempotency-key');
  if (header === undefined) return randomUUID();
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new CerthubError(
      'INVALID_REQUEST',
      'Idempotency-Key must be 1-100 characters: letters, digits and . _ : @ / - (starting with a letter or digit).',
    );
  }
  return header;
}
