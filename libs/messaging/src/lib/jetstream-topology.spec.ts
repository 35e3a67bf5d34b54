import { Streams, Subjects } from '@certhub/contracts';
import { startNatsServer, type NatsServerHandle } from '@certhub/testing';
import { RetentionPolicy, type NatsConnection } from 'nats';
import { ensureStreams } from './jetstream-topology';
import { connectToNats } from './nats-connection';
import { publishJson } from './publish';

describe('JetStream topology', () => {
  let server: NatsServerHandle;
  let nc: NatsConnection;

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectToNats({ url: server.url, name: 'topology-spec' });
  });

  afterAll(async () => {
    await nc.drain();
    await server.dispose();
  });

  it('creates the streams idempotently, also when services race to create them', async () => {
    const jsm = await nc.jetstreamManager();
    await Promise.all([ensureStreams(jsm), ensureStreams(jsm), ensureStreams(jsm)]);
    await ensureStreams(jsm);
    const commands = await jsm.streams.info(Streams.commands.name);
    expect(commands.config.retention).toBe(RetentionPolicy.Workqueue);
    expect(commands.config.subjects).toEqual([Subjects.certificateCreate, Subjects.certificateUpdate]);
    expect((await jsm.streams.info(Streams.outcomes.name)).config.retention).toBe(RetentionPolicy.Limits);
  });

  it('drops a second publish with the same message id', async () => {
    const js = nc.jetstream();
    const first = await publishJson(js, Subjects.certificateCreate, { n: 1 }, { msgId: 'same-id' });
    const second = await publishJson(js, Subjects.certificateCreate, { n: 2 }, { msgId: 'same-id' });
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
  });

  it('does not capture request/reply subjects in any stream', async () => {
    const reply = nc.subscribe(Subjects.rpcOutcomeGet, { max: 1, callback: (_error, msg) => msg.respond(Buffer.from('"pong"')) });
    const answer = await nc.request(Subjects.rpcOutcomeGet, Buffer.from('{}'), { timeout: 2_000 });
    expect(Buffer.from(answer.data).toString()).toBe('"pong"');
    reply.unsubscribe();
  });
});
