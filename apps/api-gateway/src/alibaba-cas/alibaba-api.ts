import { alibabaError, missingParameter } from './alibaba-error-codes';
import type { AlibabaParameters } from './alibaba-parameters';

/** The one operation and version this dialect serves (alibaba-cas-create-user-certificate.md). */
export const CAS_VERSION = '2018-07-13';
export const CREATE_USER_CERTIFICATE = 'CreateUserCertificate';

/** A parameter that must be present and non-empty, or Missing{Name}. */
export function required(parameters: AlibabaParameters, name: string): string {
  const value = parameters.get(name);
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

/**
 * Which API is called. Action and Version are case-sensitive, as Alibaba's are; the version is checked
 * first so that a wrong Version is not reported as an unknown Action.
 */
export function checkApi(parameters: AlibabaParameters): void {
  const action = required(parameters, 'Action');
  const version = required(parameters, 'Version');
  if (version !== CAS_VERSION) throw alibabaError('InvalidVersion');
  if (action !== CREATE_USER_CERTIFICATE) throw alibabaError('InvalidAction.NotFound');
}
