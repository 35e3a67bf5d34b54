import { EnvReader, readKeyring } from '@certhub/config';
import { hashToken, Subjects, type CredentialCreateReply, type CredentialCreateRequest } from '@certhub/contracts';
import { devKeks, workspaceRoot } from '@certhub/dev-infra';
import { sealCredentialSecret } from '@certhub/key-envelope';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newAccessKeyId, newAccessKeySecret, newToken, newTokenId } from './credential-secrets';
import { rotateKeks } from './rotate-keks';
import { StorageRpc } from './storage-rpc';

const USAGE = `usage:
  npm run admin -- create-token --tenant <tenant-id> [--description <text>]
  npm run admin -- create-access-key --tenant <tenant-id> [--description <text>]
  npm run admin -- rotate-keks      (re-wraps every stored key under CERTHUB_ACTIVE_KEK; see docs/operations.md)
env: NATS_URL (default nats://127.0.0.1:4222); CERTHUB_KEKS for access keys (default: the npm start dev key)`;

/**
 * Creates credentials. The secret is shown once, here; the storage service receives only the token's
 * SHA-256 or the AccessKey secret sealed under the key-encryption key.
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { tenant: { type: 'string' }, description: { type: 'string', default: '' } },
  });
  const [command] = positionals;
  if (command === 'rotate-keks') {
    const rpc = new StorageRpc();
    try {
      for (const count of await rotateKeks(rpc, loadKeyring())) console.log(JSON.stringify(count));
    } finally {
      await rpc.close();
    }
    return;
  }
  const tenantId = values.tenant;
  if (!tenantId || (command !== 'create-token' && command !== 'create-access-key')) throw new Error(USAGE);

  if (command === 'create-token') {
    const token = newToken();
    const id = newTokenId();
    await create({ id, kind: 'token', tenantId, tokenHash: hashToken(token), sealedSecret: null, description: values.description });
    print({ tenant: tenantId, credential: id, token, use: 'X-Auth-Token (Huawei) or Authorization (Rainbond) header' });
  } else {
    const id = newAccessKeyId();
    const secret = newAccessKeySecret();
    const keyring = loadKeyring();
    const sealedSecret = sealCredentialSecret(Buffer.from(secret, 'utf8'), id, keyring.active);
    await create({ id, kind: 'access-key', tenantId, tokenHash: null, sealedSecret, description: values.description });
    print({ tenant: tenantId, accessKeyId: id, accessKeySecret: secret });
  }
}

function loadKeyring() {
  const reader = new EnvReader({
    CERTHUB_KEKS: process.env['CERTHUB_KEKS'] ?? devKeks(join(workspaceRoot(), '.data')),
    CERTHUB_ACTIVE_KEK: process.env['CERTHUB_ACTIVE_KEK'],
  });
  const keyring = readKeyring(reader);
  reader.done();
  if (!keyring) throw new Error('CERTHUB_KEKS holds no usable key');
  return keyring;
}

async function create(request: CredentialCreateRequest): Promise<void> {
  const rpc = new StorageRpc();
  try {
    const reply = await rpc.ask<CredentialCreateReply>(Subjects.rpcCredentialCreate, request);
    if (!reply.created) throw new Error(`not created: ${reply.error ?? 'unknown reason'}`);
  } finally {
    await rpc.close();
  }
}

function print(result: Record<string, string>): void {
  console.log(JSON.stringify(result, null, 2));
  console.error('Store the secret now: certhub keeps only its hash (tokens) or a sealed copy (access keys).');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
