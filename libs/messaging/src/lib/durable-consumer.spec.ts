import { connectAsInspector, eventually, startNatsServer, type NatsServerHandle } from '@certhub/testing';
import { RetentionPolicy, StorageType, type JetStreamClient, type NatsConnection } from 'nats';
import { decodeJson, encodeJson } from './json-codec';
import { DurableConsumer } from './durable-consumer';
import { ensureDurableConsumer } from './jetstream-topology';
import { TransientError } from './transient-error';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('DurableConsumer against a real nats-server', () => {
  let server: NatsServerHandle;
  let nc: NatsConnection;
  let js: JetStreamClient;

  beforeAll(async () => {
    server = await startNatsServer();
    // Streams of its own (WORK, DEAD) that no certhub identity may touch: the test-only inspector creates them.
    nc = await connectAsInspector(server);
    js = nc.jetstream();
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: 'WORK', subjects: ['work.>'], retention: RetentionPolicy.Workqueue, storage: StorageType.File });
    await jsm.streams.add({ name: 'DEAD', subjects: ['dead.>'], storage: StorageType.File });
  });

  afterAll(async () => {
    await nc?.drain();
    await server?.dispose();
  });

  async function consumerFor(durable: string, handle: (payload: unknown) => Promise<void>, maxDeliver = 3, ackWaitMs = 5_000) {
    await ensureDurableConsumer(await nc.jetstreamManager(), {
      stream: 'WORK', durable, ackWaitMs, maxAckPending: 100, filterSubject: `work.${durable}`,
    });
    return new DurableConsumer<unknown>({
      js, stream: 'WORK', durable, concurrency: 8, maxDeliver, deadLetterSubject: `dead.${durable}`, ackWaitMs,
      decode: decodeJson, handle, logger: quiet,
    });
  }

  async function deadLetters(durable: string): Promise<{ data: string; reason: string | undefined }[]> {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info('DEAD');
    const found: { data: string; reason: string | undefined }[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
      const stored = await jsm.streams.getMessage('DEAD', { seq }).catch(() => null);
      if (stored?.subject === `dead.${durable}`) {
        found.push({ data: Buffer.from(stored.data).toString(), reason: stored.header.get('Certhub-Dead-Letter-Reason') });
      }
    }
    return found;
  }

  const until = (check: () => boolean | Promise<boolean>, timeoutMs = 10_000) => eventually(check, { timeoutMs });

  it('dead-letters undecodable payloads at once and keeps consuming the good ones behind them', async () => {
    const seen: unknown[] = [];
    const consumer = await consumerFor('poison', async (payload) => void seen.push(payload));
    await js.publish('work.poison', Buffer.from('{not json'));
    await js.publish('work.poison', Buffer.from([0xff, 0xfe, 0x00]));
    for (let i = 0; i < 20; i += 1) await js.publish('work.poison', encodeJson({ i }));
    consumer.start();
    await until(() => seen.length === 20 && consumer.counters.deadLettered === 2);
    // Terminated, not merely left to time out: nothing is pending well before the 5 s ack wait.
    const jsm = await nc.jetstreamManager();
    await until(async () => (await jsm.consumers.info('WORK', 'poison')).num_ack_pending === 0, 2_000);
    await consumer.stop();
    const letters = await deadLetters('poison');
    expect(letters.map((letter) => letter.reason)).toEqual([
      expect.stringMatching(/not UTF-8 JSON/),
      expect.stringMatching(/invalid UTF-8/),
    ]);
  });

  it('retries a failing handler and dead-letters after maxDeliver attempts, with private keys redacted', async () => {
    let attempts = 0;
    const consumer = await consumerFor('failing', async () => {
      attempts += 1;
      throw new Error('handler bug');
    }, 3);
    await js.publish('work.failing', encodeJson({ privateKey: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n' }));
    consumer.start();
    await until(() => consumer.counters.deadLettered === 1);
    await consumer.stop();
    expect(attempts).toBe(3);
    const [letter] = await deadLetters('failing');
    expect(letter.reason).toMatch(/failed 3 times, last: Error: handler bug/);
    expect(letter.data).not.toContain('MIIB');
    expect(letter.data).toContain('[private key redacted]');
  });

  it('never dead-letters transient failures: it retries until the handler recovers', async () => {
    let attempts = 0;
    const consumer = await consumerFor('transient', async () => {
      attempts += 1;
      if (attempts < 5) throw new TransientError('database unavailable');
    }, 2);
    await js.publish('work.transient', encodeJson({ n: 1 }));
    consumer.start();
    await until(() => consumer.counters.acked === 1, 20_000);
    await consumer.stop();
    expect(attempts).toBe(5);
    expect(consumer.counters.deadLettered).toBe(0);
  });

  it('keeps a message that takes longer than the ack wait in progress, so it is not delivered twice', async () => {
    let deliveries = 0;
    const consumer = await consumerFor('slow', async () => {
      deliveries += 1;
      await new Promise((resolve) => setTimeout(resolve, 3_500));
    }, 3, 1_000);
    await js.publish('work.slow', encodeJson({ n: 1 }));
    consumer.start();
    await until(() => consumer.counters.acked === 1, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await consumer.stop();
    expect(deliveries).toBe(1);
  }, 20_000);

  it('handles messages concurrently up to its limit and acknowledges each exactly once', async () => {
    let inFlight = 0;
    let peak = 0;
    const done = new Set<number>();
    const consumer = await consumerFor('concurrent', async (payload) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      done.add((payload as { i: number }).i);
    });
    await Promise.all(Array.from({ length: 100 }, (_, i) => js.publish('work.concurrent', encodeJson({ i }))));
    consumer.start();
    await until(() => done.size === 100);
    await consumer.stop();
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(8);
    expect(consumer.counters.acked).toBe(100);
    const info = await (await nc.jetstreamManager()).consumers.info('WORK', 'concurrent');
    expect(info.num_pending + info.num_ack_pending).toBe(0);
  });
});
