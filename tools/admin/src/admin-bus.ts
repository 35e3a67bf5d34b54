import { serviceInboxPrefix } from '@certhub/contracts';
import { connectToNatsOnce, describeNatsConnectError, RpcClient } from '@certhub/messaging';
import type { NatsConnection } from 'nats';
import { adminNatsClient } from './admin-environment';

/** The admin identity on the bus, for the one call a command needs; the connection is drained afterwards. */
export async function withAdminBus<T>(work: (rpc: RpcClient) => Promise<T>): Promise<T> {
  const nats = adminNatsClient();
  const nc: NatsConnection = await connectToNatsOnce({
    url: nats.url,
    credsFile: nats.credsFile,
    ...(nats.caFile ? { caFile: nats.caFile } : {}),
    name: 'certhub-admin',
    inboxPrefix: serviceInboxPrefix('admin'),
  }).catch((error: unknown) => {
    throw new Error(`cannot connect to the bus at ${nats.url} (NATS_URL, NATS_CA, NATS_CREDS): ${describeNatsConnectError(error)}`);
  });
  try {
    return await work(new RpcClient(nc));
  } finally {
    await nc.drain();
  }
}
