import { connectAsInspector, eventually, startNatsServer, type NatsServerHandle } from '@certhub/testing';
import { Controller, type INestApplication } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { RetentionPolicy, StorageType, type NatsConnection } from 'nats';
import { decodeJson, encodeJson } from '../json-codec';
import { NATS_CONNECTION } from '../messaging.module';
import { TransientError } from '../transient-error';
import { connectNatsBus } from './connect-nats-bus';
import { DurableEventPattern } from './durable-event-pattern';
import { JetStreamContext, type StreamDelivery } from './jetstream-context';

interface Job {
  readonly id: string;
  /** How the handler behaves: succeed, fail like a database outage a number of times, or always fail. */
  readonly kind: 'ok' | 'transient' | 'broken';
}

const handled: Array<{ job: Job; delivery: StreamDelivery }> = [];
const attempts = new Map<string, number>();

/** A service's handler, declared the way the parser and storage declare theirs. */
@Controller()
class JobsController {
  @DurableEventPattern<Job>('BUS_JOBS', { durable: 'jobs', deadLetterSubject: 'bus-dead.jobs', decode: (data) => decodeJson(data) as Job })
  async handle(@Payload() job: Job, @Ctx() context: JetStreamContext): Promise<void> {
    const attempt = (attempts.get(job.id) ?? 0) + 1;
    attempts.set(job.id, attempt);
    if (job.kind === 'transient' && attempt <= 3) throw new TransientError('database unavailable');
    if (job.kind === 'broken') throw new Error('this job cannot be done');
    handled.push({ job, delivery: context.delivery() });
  }
}

/** @DurableEventPattern handlers in a Nest application, over NatsBusServer and a real nats-server. */
describe('NatsBusServer: durable JetStream consumers as Nest event handlers', () => {
  let server: NatsServerHandle;
  let nc: NatsConnection;
  let app: INestApplication;

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connectAsInspector(server);
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: 'BUS_JOBS', subjects: ['bus-jobs.>'], retention: RetentionPolicy.Workqueue, storage: StorageType.File });
    await jsm.streams.add({ name: 'BUS_DEAD', subjects: ['bus-dead.>'], storage: StorageType.File });
    const moduleRef = await Test.createTestingModule({ controllers: [JobsController], providers: [{ provide: NATS_CONNECTION, useValue: nc }] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    connectNatsBus(app, { queue: 'jobs', consumers: { concurrency: 4, maxDeliver: 2, ackWaitMs: 5_000 } });
    await app.init();
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app?.close();
    await nc?.drain();
    await server?.dispose();
  });

  const until = (check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => eventually(check, { timeoutMs });
  const streamMessages = async (stream: string) => (await (await nc.jetstreamManager()).streams.info(stream)).state.messages;

  it('hands the decoded payload and its stream position to the handler, and acknowledges it once handled', async () => {
    const ack = await nc.jetstream().publish('bus-jobs.a', encodeJson({ id: 'a', kind: 'ok' }));
    await until(() => handled.some((one) => one.job.id === 'a'));
    expect(handled.find((one) => one.job.id === 'a')?.delivery).toEqual({ stream: 'BUS_JOBS', sequence: ack.seq });
    // Acknowledged: the work queue lets go of it.
    await until(async () => (await streamMessages('BUS_JOBS')) === 0);
  });

  it('retries a TransientError past maxDeliver: the handler’s error reaches the consumer as thrown', async () => {
    // Three back-offs of 250, 500 and 1,000 ms.
    await nc.jetstream().publish('bus-jobs.t', encodeJson({ id: 't', kind: 'transient' }));
    await until(() => handled.some((one) => one.job.id === 't'));
    expect(attempts.get('t')).toBe(4);
    expect(await streamMessages('BUS_DEAD')).toBe(0);
  }, 20_000);

  it('dead-letters a job that keeps failing after maxDeliver attempts, and one it cannot decode at once', async () => {
    await nc.jetstream().publish('bus-jobs.b', encodeJson({ id: 'b', kind: 'broken' }));
    await nc.jetstream().publish('bus-jobs.x', new TextEncoder().encode('{not json'));
    await until(async () => (await streamMessages('BUS_DEAD')) === 2);
    expect(attempts.get('b')).toBe(2);
    await until(async () => (await streamMessages('BUS_JOBS')) === 0);
  }, 20_000);
});
