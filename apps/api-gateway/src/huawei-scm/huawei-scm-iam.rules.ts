import { CerthubError } from '@certhub/contracts';
import type { HuaweiIamRules } from '../auth/huawei-iam.guard';

/** The documented minimum length of X-Auth-Token: anything shorter is not a token, so storage is not asked. */
export const MIN_TOKEN_LENGTH = 32;

/**
 * SCM's path names no project: the token's or AK's tenant is the Huawei project that owns the certificate, and
 * only X-Project-Id can name another (403).
 */
export const SCM_IAM_RULES: HuaweiIamRules = {
  projectParam: null,
  minTokenLength: MIN_TOKEN_LENGTH,
  trimToken: false,
  tokenMissing: () => new CerthubError('UNAUTHENTICATED', 'x-auth-token not found.'),
  tokenInvalid: () => new CerthubError('UNAUTHENTICATED', 'the token is not valid.'),
  otherProject: () => new CerthubError('FORBIDDEN', 'The credential does not grant access to the project named in X-Project-Id.'),
};
