import { gatewayOutcomesSubject, Streams, type CertificateOutcomeEvent, type CertificateStoredEvent } from '@certhub/contracts';
import type { CommandStartedEvent } from 'mongodb';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { Registry } from 'prom-client';
import { CertificateWriter } from '../certificates/certificate-writer.service';
import { IdAllocator } from '../certificates/id-allocator.service';
import { rejectedParsedEvent, validParsedEvent } from '../certificates/parsed-event.spec-support';
import type { Counter } from '../certificates/schemas/counter.schema';
import { useStorageDatabase } from '../storage-database.spec-support';
import { lifecycleOver } from '../lifecycle/certificate-lifecycle.spec-support';
import { OutcomeStore, type StoredOutcome } from '../outcomes/outcome-store.service';
import { OutcomePublisher } from './outcome.publisher';
import { ParsedCertificateHandler } from './parsed-certificate.handler';
import { PipelineMetrics } from './pipeline-metrics.service';

type Delivery = { readonly stream: string; readonly sequence: number };

/** The NATS boundary: records what would have been published, and for which hand-over message. */
class RecordingPublisher extends OutcomePublisher {
  readonly published: { answer: StoredOutcome; delivery: Delivery; replyTo?: string }[] = [];

  constructor() {
    super({} as JetStreamClient, {} as NatsConnection);
  }

  override publish(answer: StoredOutcome, delivery: Delivery, replyTo?: string): Promise<void> {
    this.published.push({ answer, delivery, ...(replyTo !== undefined && { replyTo }) });
    return Promise.resolve();
  }
}

describe('ParsedCertificateHandler (on a MongoDB-protocol server)', () => {
  // The unique indexes on (tenant, name) and (tenant, request id) are what "once" rests on.
  const database = useStorageDatabase();
  let outcomes: OutcomeStore;
  let registry: Registry;
  let publisher: RecordingPublisher;
  let handler: ParsedCertificateHandler;
  beforeAll(() => (outcomes = new OutcomeStore(database.outcomes, database.certificates)));
  beforeEach(() => {
    registry = new Registry();
    // No lag is scraped here, so the JetStream manager is never asked.
    const metrics = new PipelineMetrics(registry, {} as JetStreamManager);
    metrics.onModuleInit();
    publisher = new RecordingPublisher();
    const { lifecycle } = lifecycleOver(database, { versionsKept: 10, retentionMs: 60_000 });
    handler = new ParsedCertificateHandler(new CertificateWriter(database.certificates, new IdAllocator(database.counters)), outcomes, publisher, metrics, lifecycle);
  });

  let sequence = 0;
  const nextDelivery = (): Delivery => ({ stream: Streams.pipeline.name, sequence: ++sequence });
  const countNamed = (tenantId: string, name: string) => database.certificates.countDocuments({ tenantId, name }).exec();
  const lastId = async () => (await database.counters.findById('certificates').lean<Counter>().exec())?.seq;
  /** certhub_outcomes_total for one outcome, as /metrics would show it. */
  const counted = async (outcome: CertificateOutcomeEvent['outcome'], code = '') => {
    const values = (await registry.getSingleMetric('certhub_outcomes_total')?.get())?.values ?? [];
    return values.filter((one) => one.labels['outcome'] === outcome && one.labels['code'] === code).reduce((sum, one) => sum + one.value, 0);
  };

  it('waits for the journal once per create: at the recorded decision, the last write before the answer', async () => {
    const writes: { command: string; collection: unknown; journaled: boolean }[] = [];
    const client = database.connection.getClient();
    const seen = (event: CommandStartedEvent) => {
      if (!['insert', 'update', 'findAndModify'].includes(event.commandName)) return;
      const concern = event.command['writeConcern'] as { j?: boolean } | undefined;
      writes.push({ command: event.commandName, collection: event.command[event.commandName], journaled: concern?.j !== false });
    };
    client.on('commandStarted', seen);
    try {
      await handler.handle(await validParsedEvent({ requestId: 'journal-1', tenantId: 'team-j', name: 'journal' }), nextDelivery());
    } finally {
      client.off('commandStarted', seen);
    }
    // The id block is taken once per block (journaled); the claim and the certificate are made durable by the decision.
    expect(writes.filter((write) => write.collection !== 'counters')).toEqual([
      { command: 'insert', collection: 'request_outcomes', journaled: false },
      { command: 'insert', collection: 'certificates', journaled: false },
      { command: 'update', collection: 'request_outcomes', journaled: true },
    ]);
  });

  it('stores a valid create, records its outcome and publishes it once, for the hand-over it answers', async () => {
    const event = await validParsedEvent({ requestId: 'shop-1', tenantId: 'team-a', name: 'shop' });
    const delivery = nextDelivery();
    await handler.handle(event, delivery);

    expect(publisher.published).toEqual([
      {
        delivery,
        answer: {
          contentHash: event.contentHash,
          outcome: {
            requestId: 'shop-1', tenantId: 'team-a', operation: 'create', decidedAt: expect.any(String), outcome: 'created',
            certificate: expect.objectContaining({ tenantId: 'team-a', name: 'shop', revision: 1, certificatePem: event.verdict.parsed.certificatePem }),
            duplicateOf: [],
          },
        },
      },
    ]);
    expect(await countNamed('team-a', 'shop')).toBe(1);
    expect(await outcomes.find('team-a', 'shop-1')).toEqual(publisher.published[0]?.answer);
    expect(await counted('created')).toBe(1);
  });

  it('stores a copy of a certificate the tenant holds, names the original in duplicateOf, and answers a retry the same', async () => {
    const original = await validParsedEvent({ requestId: 'dup-1', tenantId: 'team-a', name: 'dup-original' });
    await handler.handle(original, nextDelivery());
    const originalId = (publisher.published.at(-1)?.answer.outcome as CertificateStoredEvent).certificate.id;
    const copy = { ...original, requestId: 'dup-2', name: 'dup-copy' };

    await handler.handle(copy, nextDelivery());
    await handler.handle(copy, nextDelivery());

    const [first, again] = publisher.published.slice(-2).map((published) => published.answer.outcome as CertificateStoredEvent);
    expect(first).toMatchObject({ outcome: 'created', duplicateOf: [originalId] });
    expect(again).toMatchObject({ outcome: 'created', certificate: { id: first?.certificate.id }, duplicateOf: [originalId] });
  });

  it('answers a redelivery with the same outcome again, and stores nothing twice', async () => {
    const event = await validParsedEvent({ requestId: 'blog-1', tenantId: 'team-a', name: 'blog' });
    const delivery = nextDelivery();
    await handler.handle(event, delivery);
    const idsUsed = await lastId();

    await handler.handle(event, delivery);

    const [first, again] = publisher.published;
    expect(publisher.published).toHaveLength(2);
    expect(again).toEqual(first);
    expect(await countNamed('team-a', 'blog')).toBe(1);
    // Not even an id is spent: the redelivery never reaches the writer.
    expect(await lastId()).toBe(idsUsed);
    expect(await counted('created')).toBe(1);
  });

  it("sends every answer to the gateway instance that published the command, redeliveries included", async () => {
    const replyTo = gatewayOutcomesSubject('a1b2c3');
    const event = { ...(await validParsedEvent({ requestId: 'reply-1', tenantId: 'team-a', name: 'reply' })), replyTo };
    const delivery = nextDelivery();
    await handler.handle(event, delivery);
    await handler.handle(event, delivery);
    expect(publisher.published.map((one) => one.replyTo)).toEqual([replyTo, replyTo]);
  });

  it('records a rejected verdict as a rejected outcome and stores no certificate', async () => {
    const message = 'The private key does not match the certificate.';
    const event = await rejectedParsedEvent({ requestId: 'bad-1', tenantId: 'team-a', name: 'bad' }, 'KEY_MISMATCH', message);
    await handler.handle(event, nextDelivery());

    const rejected = {
      requestId: 'bad-1', tenantId: 'team-a', operation: 'create', decidedAt: expect.any(String),
      outcome: 'rejected', code: 'KEY_MISMATCH', message,
    };
    expect(publisher.published.map((one) => one.answer)).toEqual([{ contentHash: event.contentHash, outcome: rejected }]);
    expect(await outcomes.find('team-a', 'bad-1')).toEqual({ contentHash: event.contentHash, outcome: rejected });
    expect(await countNamed('team-a', 'bad')).toBe(0);
    expect(await counted('rejected', 'KEY_MISMATCH')).toBe(1);
  });

  it('refuses the same request id with other content with IDEMPOTENCY_KEY_REUSED, and writes nothing', async () => {
    const first = await validParsedEvent({ requestId: 'reused-1', tenantId: 'team-a', name: 'first' });
    await handler.handle(first, nextDelivery());
    const recorded = await outcomes.find('team-a', 'reused-1');
    const idsUsed = await lastId();

    const other = await validParsedEvent({ requestId: 'reused-1', tenantId: 'team-a', name: 'second' });
    await handler.handle(other, nextDelivery());

    expect(publisher.published[1]?.answer).toEqual({
      // The answer names the content it is about: the second command's.
      contentHash: other.contentHash,
      outcome: {
        requestId: 'reused-1', tenantId: 'team-a', operation: 'create', decidedAt: expect.any(String), outcome: 'rejected',
        code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('reused-1'),
      },
    });
    expect(await countNamed('team-a', 'second')).toBe(0);
    expect(await lastId()).toBe(idsUsed);
    // The request id keeps the first content's outcome, and the refusal is neither recorded nor counted.
    expect(await outcomes.find('team-a', 'reused-1')).toEqual(recorded);
    expect(await counted('rejected', 'IDEMPOTENCY_KEY_REUSED')).toBe(0);
  });

  it("turns the writer's refusal into a recorded rejection: a name the tenant already uses is NAME_CONFLICT", async () => {
    await handler.handle(await validParsedEvent({ requestId: 'taken-1', tenantId: 'team-a', name: 'taken' }), nextDelivery());
    await handler.handle(await validParsedEvent({ requestId: 'taken-2', tenantId: 'team-a', name: 'taken' }), nextDelivery());

    expect((await outcomes.find('team-a', 'taken-2'))?.outcome).toMatchObject({ outcome: 'rejected', code: 'NAME_CONFLICT' });
    expect(publisher.published[1]?.answer.outcome).toMatchObject({ outcome: 'rejected', code: 'NAME_CONFLICT' });
    expect(await countNamed('team-a', 'taken')).toBe(1);
  });

  it('applies an update verdict to the certificate it names, and answers updated', async () => {
    await handler.handle(await validParsedEvent({ requestId: 'cdn-1', tenantId: 'team-a', name: 'cdn' }), nextDelivery());
    const created = publisher.published[0]?.answer.outcome;
    if (created?.outcome !== 'created') throw new Error(`expected a created outcome, got ${JSON.stringify(created)}`);

    const update = await validParsedEvent({ requestId: 'cdn-2', tenantId: 'team-a', name: 'cdn-renamed', certificateId: created.certificate.id });
    await handler.handle(update, nextDelivery());

    expect(publisher.published[1]?.answer.outcome).toMatchObject({
      operation: 'update', outcome: 'updated', certificate: { id: created.certificate.id, name: 'cdn-renamed', revision: 2 },
    });
    expect(await counted('updated')).toBe(1);
  });

  it('stores one certificate and answers both of two concurrent deliveries of one command with the same outcome', async () => {
    // The same command on the bus twice (a producer's retry), handed to two consumers at once.
    const event = await validParsedEvent({ requestId: 'twice-1', tenantId: 'team-a', name: 'twice' });
    await Promise.all([handler.handle(event, nextDelivery()), handler.handle(event, nextDelivery())]);

    const [one, other] = publisher.published.map((published) => published.answer);
    expect(publisher.published).toHaveLength(2);
    expect(one).toEqual(other);
    expect(one?.outcome).toMatchObject({ outcome: 'created' });
    expect(await countNamed('team-a', 'twice')).toBe(1);
    expect(await counted('created')).toBe(1);
  });

  it('decides a rollback and a delete from the bus, and answers each again, unchanged, after later writes', async () => {
    const created = await validParsedEvent({ requestId: 'life-1', tenantId: 'team-a', name: 'life' });
    await handler.handle(created, nextDelivery());
    const id = (publisher.published.at(-1)?.answer.outcome as { certificate: { id: number } }).certificate.id;
    await handler.handle(await validParsedEvent({ requestId: 'life-2', tenantId: 'team-a', name: 'life', certificateId: id }), nextDelivery());

    const named = { tenantId: 'team-a', name: '', labels: {}, certificateId: id, verdict: { ok: true as const, parsed: null } };
    const rollback = { ...named, requestId: 'life-3', operation: 'rollback' as const, version: 1, contentHash: 'rollback-hash' };
    await handler.handle(rollback, nextDelivery());
    const rolled = publisher.published.at(-1)?.answer;
    expect(rolled?.outcome).toMatchObject({ outcome: 'updated', operation: 'rollback', version: 3, restoredVersion: 1, certificate: { id, revision: 3 } });

    const remove = { ...named, requestId: 'life-4', operation: 'delete' as const, contentHash: 'delete-hash' };
    await handler.handle(remove, nextDelivery());
    const deleted = publisher.published.at(-1)?.answer;
    expect(deleted?.outcome).toMatchObject({ outcome: 'deleted', operation: 'delete', certificateId: id, name: 'life', deletedAt: expect.any(String) });
    expect(await countNamed('team-a', 'life')).toBe(0);
    expect(await counted('deleted')).toBe(1);

    // A redelivery of either is the first answer again; the deleted certificate does not change the delete's.
    await handler.handle(remove, nextDelivery());
    expect(publisher.published.at(-1)?.answer).toEqual(deleted);
    await handler.handle(rollback, nextDelivery());
    expect(publisher.published.at(-1)?.answer.outcome).toMatchObject({ outcome: 'rejected', code: 'NOT_FOUND' });
    expect(await counted('deleted')).toBe(1);
  });
});
