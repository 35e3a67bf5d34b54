import { Subjects } from '@certhub/contracts';
import { connectAs, startNatsServer, type NatsServerHandle } from '@certhub/testing';
import type { NatsConnection } from 'nats';
import { NatsBusServer } from './nats-bus.server';
import { RpcClient, RpcError } from '../rpc/rpc-client';

/** Request/reply between the gateway's and storage's real identities, through the one-connection transport. */
describe('NatsBusServer and RpcClient', () => {
  let server: NatsServerHandle;
  let storage: NatsConnection;
  let gateway: NatsConnection;
  let rpcServer: NatsBusServer;
  let behaviour: (payload: unknown) => unknown;

  beforeAll(async () => {
    server = await startNatsServer();
    [storage, gateway] = await Promise.all([connectAs(server, 'storage'), connectAs(server, 'gateway')]);
    rpcServer = new NatsBusServer(storage, { queue: 'storage-service', maxReplyBytes: 64 * 1024 });
    rpcServer.addHandler(Subjects.rpcOutcomeGet, async (payload: unknown) => behaviour(payload));
    await new Promise<void>((resolve, reject) => rpcServer.listen((error) => (error ? reject(error) : resolve())));
    await storage.flush();
  });

  // Each part only if it was set up: a failed setup must still stop the server, or jest never exits.
  afterAll(async () => {
    await rpcServer?.close();
    await Promise.all([storage?.drain(), gateway?.drain()]);
    await server?.dispose();
  });

  const client = () => new RpcClient(gateway);

  it('answers with what the handler returned', async () => {
    behaviour = (payload) => ({ echo: payload });
    await expect(client().rpc(Subjects.rpcOutcomeGet, { a: 1 })).resolves.toEqual({ echo: { a: 1 } });
  });

  it('answers a failing handler with an INTERNAL error and keeps serving', async () => {
    behaviour = () => {
      throw new Error('database exploded');
    };
    await expect(client().rpc(Subjects.rpcOutcomeGet, {})).rejects.toMatchObject({ code: 'INTERNAL' });
    behaviour = () => 'fine';
    await expect(client().rpc(Subjects.rpcOutcomeGet, {})).resolves.toBe('fine');
  });

  it('answers a reply too large for NATS with REPLY_TOO_LARGE instead of dying on it', async () => {
    behaviour = () => ({ blob: 'x'.repeat(200 * 1024) });
    const failure = await client().rpc(Subjects.rpcOutcomeGet, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RpcError);
    expect(failure).toMatchObject({ code: 'REPLY_TOO_LARGE' });
    behaviour = () => 'still here';
    await expect(client().rpc(Subjects.rpcOutcomeGet, {})).resolves.toBe('still here');
  });

  it('answers an undecodable request with INVALID_REQUEST', async () => {
    behaviour = () => 'never reached';
    const answer = await gateway.request(Subjects.rpcOutcomeGet, new TextEncoder().encode('{nope'), { timeout: 2_000 });
    expect(JSON.parse(new TextDecoder().decode(answer.data))).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('reports a subject nobody serves as UNAVAILABLE', async () => {
    await expect(client().rpc(Subjects.rpcCertificatesQuery, {}, { timeoutMs: 500 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
