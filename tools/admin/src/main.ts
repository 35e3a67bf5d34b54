import { EnvReader, readKeyring } from '@certhub/config';
import { hashToken, Subjects, type CredentialCreateReply, type CredentialCreateRequest } from '@certhub/contracts';
import { devKeks, workspaceRoot } from '@certhub/dev-infra';
import { sealCredentialSecret } from '@certhub/key-envelope';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { firstValueFrom, timeout } from 'rxjs';
import { newAccessKeyId, newAccessKeySecret, newToken, newTokenId } from './credential-secrets';

const USAGE = `usage:
  npm run admin -- create-token --tenant <tenant-id> [--description <text>]
  npm run admin -- create-access-key --tenant <tenant-id> [--description <text>]
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
  const reader = new EnvReader({ CERTHUB_KEKS: process.env['CERTHUB_KEKS'] ?? devKeks(join(workspaceRoot(), '.data')) });
  const keyring = readKeyring(reader);
  reader.done();
  if (!keyring) throw new Error('CERTHUB_KEKS holds no usable key');
  return keyring;
}

async function create(request: CredentialCreateRequest): Promise<void> {
  const client = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { servers: [process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222'], name: 'certhub-admin' },
  });
  try {
    const reply = await firstValueFrom(
      client.send<CredentialCreateReply, CredentialCreateRequest>(Subjects.rpcCredentialCreate, request).pipe(timeout(5_000)),
    );
    if (!reply.created) throw new Error(`not created: ${reply.error ?? 'unknown reason'}`);
  } finally {
    await client.close();
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
