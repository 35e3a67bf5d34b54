import { CerthubError, type ErrorCode } from '@certhub/contracts';

/**
 * Runs a step whose library calls may throw anything and reports any failure that is not already a domain error
 * as `code`. Library messages are dropped on purpose: they describe ASN.1 internals, not the user's upload.
 */
export function underCode<T>(code: ErrorCode, message: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw asDomainError(error, code, message);
  }
}

export async function underCodeAsync<T>(code: ErrorCode, message: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw asDomainError(error, code, message);
  }
}

/** The answer to an upload that could not be checked for a reason of ours (a bug, a dead worker), not the user's. */
export function uncheckedUpload(): CerthubError {
  return new CerthubError('INTERNAL', 'The certificate could not be checked.');
}

export function asDomainError(error: unknown, code: ErrorCode, message: string): CerthubError {
  return error instanceof CerthubError ? error : new CerthubError(code, message);
}
