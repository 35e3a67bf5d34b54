import { commandSubject, commandSubjectOfAllTenants, Streams, Subjects, type CommandOperation } from '@certhub/contracts';
import { connectAs, startNatsServer, type NatsServerHandle } from '@certhub/testing';
import { RetentionPolicy, type NatsConnection } from 'nats';
import { ensureStreams } from './jetstream-topology';
import { publishJson } from './publish';

describe('JetStream topology', () => {
  let server: NatsServerHandle;
  let nc: NatsConnection;

  beforeAll(async () => {
    server = await startNatsServer();
    // The storage service's identity: the only one allowed to create and upgrade the streams.
    nc = await connectAs(server, 'storage');
  });

  afterAll(async () => {
    await nc?.drain();
    await server?.dispose();
  });

  it('creates the streams idempotently, also when services race to create them', async () => {
    const jsm = await nc.jetstreamManager();
    await Promise.all([ensureStreams(jsm), ensureStreams(jsm), ensureStreams(jsm)]);
    await ensureStreams(jsm);
    const commands = await jsm.streams.info(Streams.commands.name);
    expect(commands.config.retention).toBe(RetentionPolicy.Workqueue);
    const operations: CommandOperation[] = ['create', 'update', 'delete', 'rollback'];
    expect(commands.config.subjects).toEqual(operations.map(commandSubjectOfAllTenants));
    expect((await jsm.streams.info(Streams.outcomes.name)).config.retention).toBe(RetentionPolicy.Limits);
  });

  it('drops a second publish with the same message id', async () => {
    const gateway = await connectAs(server, 'gateway');
    const js = gateway.jetstream();
    const first = await publishJson(js, commandSubject('create', 't'), { n: 1 }, { msgId: 'same-id' });
    const second = await publishJson(js, commandSubject('create', 't'), { n: 2 }, { msgId: 'same-id' });
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
    await gateway.drain();
  });

  it('does not capture request/reply subjects in any stream', async () => {
    const gateway = await connectAs(server, 'gateway');
    const reply = nc.subscribe(Subjects.rpcOutcomeGet, { max: 1, callback: (_error, msg) => msg.respond(Buffer.from('"pong"')) });
    await nc.flush();
    const answer = await gateway.request(Subjects.rpcOutcomeGet, Buffer.from('{}'), { timeout: 2_000 });
    await gateway.drain();
    expect(Buffer.from(answer.data).toString()).toBe('"pong"');
    reply.unsubscribe();
  });
});
