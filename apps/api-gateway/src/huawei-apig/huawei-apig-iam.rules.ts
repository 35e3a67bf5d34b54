import type { HuaweiIamRules } from '../auth/huawei-iam.guard';
import { DialectError } from '../errors/dialect-error';

/**
 * APIG's path names the project, so a token or AK of another project is refused before the body is read. The
 * messages are Huawei's own (APIG.1000/1002/1005); AK/SK failures are the API gateway's APIG.0301.
 */
export const APIG_IAM_RULES: HuaweiIamRules = {
  projectParam: 'project_id',
  minTokenLength: 1,
  trimToken: true,
  tokenMissing: () => new DialectError('UNAUTHENTICATED', 'The token is missing', 'APIG.1000'),
  tokenInvalid: () => new DialectError('UNAUTHENTICATED', 'Incorrect token or token resolution failed', 'APIG.1002'),
  otherProject: () => new DialectError('FORBIDDEN', 'No permissions to request this method', 'APIG.1005'),
};
