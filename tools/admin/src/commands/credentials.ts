import { hashToken, Subjects, type CredentialCreateReply, type CredentialCreateRequest } from '@certhub/contracts';
import { sealCredentialSecret } from '@certhub/key-envelope';
import { withAdminBus } from '../admin-bus';
import { adminKeyring } from '../admin-environment';
import { newAccessKeyId, newAccessKeySecret, newHuaweiAccessKeyId, newHuaweiSecretKey, newToken, newTokenId } from '../credential-secrets';

/** Whose SDKs the access key is for: the shape of the pair, and so which cloud's signatures it can make. */
export const CLOUDS = ['alibaba', 'huawei'] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * The secret is shown once, here; the storage service receives only the token's SHA-256 or the AccessKey
 * secret sealed under the key-encryption key.
 */
export async function createToken(tenantId: string, description: string): Promise<Record<string, string>> {
  const token = newToken();
  const id = newTokenId();
  await create({ id, kind: 'token', tenantId, tokenHash: hashToken(token), sealedSecret: null, description });
  return { tenant: tenantId, credential: id, token, use: 'X-Auth-Token (Huawei) or Authorization (Rainbond) header' };
}

/**
 * An AccessKey pair in the cloud's own shape (Alibaba `LTAI…` and 30 characters; Huawei 20 upper-case AK and
 * 40-character SK). Both are stored alike, the secret sealed; the gateway accepts a Huawei AK only in Huawei
 * AK/SK signatures and an Alibaba AccessKeyId only in Alibaba ones.
 */
export async function createAccessKey(tenantId: string, description: string, cloud: Cloud = 'alibaba'): Promise<Record<string, string>> {
  const id = cloud === 'huawei' ? newHuaweiAccessKeyId() : newAccessKeyId();
  const secret = cloud === 'huawei' ? newHuaweiSecretKey() : newAccessKeySecret();
  const sealedSecret = sealCredentialSecret(Buffer.from(secret, 'utf8'), id, adminKeyring().active);
  await create({ id, kind: 'access-key', tenantId, tokenHash: null, sealedSecret, description });
  return { tenant: tenantId, accessKeyId: id, accessKeySecret: secret };
}

async function create(request: CredentialCreateRequest): Promise<void> {
  const reply = await withAdminBus((rpc) => rpc.rpc<CredentialCreateReply>(Subjects.rpcCredentialCreate, request, { timeoutMs: 10_000 }));
  if (!reply.created) throw new Error(`not created: ${reply.error ?? 'unknown reason'}`);
}
