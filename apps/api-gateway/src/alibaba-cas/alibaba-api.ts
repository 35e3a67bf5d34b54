import { alibabaError, missingParameter } from './alibaba-error-codes';
import type { AlibabaParameters } from './alibaba-parameters';

export const CREATE_USER_CERTIFICATE = 'CreateUserCertificate';
export const UPLOAD_USER_CERTIFICATE = 'UploadUserCertificate';
export type CasAction = typeof CREATE_USER_CERTIFICATE | typeof UPLOAD_USER_CERTIFICATE;

/**
 * The API versions certhub serves and the one action it implements in each: CreateUserCertificate is an
 * operation of CAS 2018-07-13 (alibaba-cas-create-user-certificate.md), UploadUserCertificate of CAS 2020-04-07,
 * whose SDK (@alicloud/cas20200407) has no CreateUserCertificate.
 */
export const CAS_ACTION_BY_VERSION: Readonly<Record<string, CasAction>> = {
  '2018-07-13': CREATE_USER_CERTIFICATE,
  '2020-04-07': UPLOAD_USER_CERTIFICATE,
};
export const CAS_VERSIONS = Object.keys(CAS_ACTION_BY_VERSION);
export const CAS_ACTIONS: readonly CasAction[] = Object.values(CAS_ACTION_BY_VERSION);

/** Which API a request calls: from the Action and Version parameters (v1) or the x-acs-* headers (v3). */
export interface CasApi {
  readonly action: string;
  readonly version: string;
}

/** A parameter that must be present and non-empty, or Missing{Name}. */
export function required(parameters: AlibabaParameters, name: string): string {
  const value = parameters.get(name);
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

/** Signature v1 names the API in its Action and Version parameters. */
export function apiOfParameters(parameters: AlibabaParameters): CasApi {
  return { action: required(parameters, 'Action'), version: required(parameters, 'Version') };
}

/**
 * The action certhub runs for the API named. Action and Version are case-sensitive, as Alibaba's are; the
 * version is checked first so that an unknown Version is not reported as an unknown Action, and an action of
 * another version than its own (CreateUserCertificate with 2020-04-07) is an action that version does not have.
 */
export function checkApi({ action, version }: CasApi): CasAction {
  const served = CAS_ACTION_BY_VERSION[version];
  if (served === undefined) throw alibabaError('InvalidVersion');
  if (action !== served) throw alibabaError('InvalidAction.NotFound');
  return served;
}
