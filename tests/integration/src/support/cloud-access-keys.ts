import { runAdmin, type AccessKeyPair } from './credentials';
import type { SuiteEnvironment } from './suite-environment';

/**
 * An AccessKey pair issued for one cloud's tooling, exactly as the README tells a user to get it:
 * `npm run admin -- create-access-key --tenant <tenant> --cloud huawei|alibaba`.
 */
export async function createCloudAccessKey(env: SuiteEnvironment, tenantId: string, cloud: 'huawei' | 'alibaba'): Promise<AccessKeyPair & { tenant: string }> {
  const printed = JSON.parse(await runAdmin(env, ['create-access-key', '--tenant', tenantId, '--cloud', cloud])) as Record<string, unknown>;
  return { tenant: String(printed['tenant']), accessKeyId: String(printed['accessKeyId']), accessKeySecret: String(printed['accessKeySecret']) };
}
