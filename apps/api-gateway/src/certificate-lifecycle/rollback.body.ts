import { CerthubError } from '@certhub/contracts';

/**
 * The body of `POST …/certificates/{id}/rollback`: exactly `{"version": n}`, n a positive integer. Read by
 * hand, like the query parameters, so every refusal is a certhub INVALID_REQUEST naming the field.
 */
export function readRollbackVersion(body: unknown): number {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('The body must be a JSON object {"version": n}.');
  const unknown = Object.keys(body).filter((key) => key !== 'version');
  if (unknown.length > 0) throw invalid(`Unknown field ${JSON.stringify(unknown[0])}; the body is {"version": n}.`);
  const { version } = body as { version?: unknown };
  if (version === undefined) throw invalid('version is required: the version to make current again (see …/versions).');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) throw invalid('version must be a positive integer.');
  return version;
}

function invalid(message: string): CerthubError {
  return new CerthubError('INVALID_REQUEST', message);
}
