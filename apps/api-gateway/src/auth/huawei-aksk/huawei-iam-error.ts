import { DialectError } from '../../errors/dialect-error';

/** The message prefix of APIG.0301, as Huawei's API gateway words every IAM authentication failure. */
export const IAM_AUTHENTICATION_MESSAGE = 'Incorrect IAM authentication information';

/**
 * 401 APIG.0301: Huawei's API gateway answers every failed AK/SK check with this code in front of APIG and SCM
 * alike ("verify aksk signature fail", "Get secretKey failed … ak not exist", "signature expired"; see
 * docs/dialects/huawei-apig.md for the sources), so both dialects render it unchanged.
 */
export function iamAuthenticationFailed(reason: string): DialectError {
  return new DialectError('UNAUTHENTICATED', `${IAM_AUTHENTICATION_MESSAGE}: ${reason}`, 'APIG.0301', 401);
}
