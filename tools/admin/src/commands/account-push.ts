import { certhubAccountJwt, issueSystemCreds, type BusAuthority } from '@certhub/bus-auth';
import { decodeJson, natsServerList } from '@certhub/messaging';
import { connect, credsAuthenticator } from 'nats';
import { adminNatsClient } from '../admin-environment';

/** Pushes the account's new JWT (its revocations) to the running servers as a system-account user. */
export async function pushAccount(authority: BusAuthority): Promise<void> {
  const nats = adminNatsClient();
  const nc = await connect({
    servers: natsServerList(nats.url),
    name: 'certhub-admin-system',
    authenticator: credsAuthenticator(new TextEncoder().encode(issueSystemCreds(authority).creds)),
    ...(nats.caFile ? { tls: { caFile: nats.caFile } } : {}),
  });
  try {
    const answer = await nc.request('$SYS.REQ.CLAIMS.UPDATE', new TextEncoder().encode(certhubAccountJwt(authority)), { timeout: 5_000 });
    const reply = decodeJson(answer.data) as { data?: { code?: number; message?: string }; error?: { description?: string } };
    if (reply.data?.code !== 200) throw new Error(`the server refused the account update: ${reply.error?.description ?? reply.data?.message ?? 'no reason given'}`);
  } finally {
    await nc.drain();
  }
}
