import { Buckets, Streams } from '@certhub/contracts';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';

const DAY_MS = 86_400_000;

/** Long enough that a client retrying after a NATS restart or a slow answer is still deduplicated. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** How long each stream keeps a message; storage's idempotency records must outlive commands + pipeline. */
export const STREAM_MAX_AGE_MS = { commands: 7 * DAY_MS, pipeline: 7 * DAY_MS, outcomes: 7 * DAY_MS, deadLetters: 30 * DAY_MS } as const;

const streamConfigs: readonly Partial<StreamConfig>[] = [
  { ...Streams.commands, retention: RetentionPolicy.Workqueue, max_age: nanos(STREAM_MAX_AGE_MS.commands) },
  { ...Streams.pipeline, retention: RetentionPolicy.Workqueue, max_age: nanos(STREAM_MAX_AGE_MS.pipeline) },
  { ...Streams.outcomes, retention: RetentionPolicy.Limits, max_age: nanos(STREAM_MAX_AGE_MS.outcomes) },
  { ...Streams.deadLetters, retention: RetentionPolicy.Limits, max_age: nanos(STREAM_MAX_AGE_MS.deadLetters) },
].map((config) => ({
  ...config,
  subjects: [...(config.subjects ?? [])],
  storage: StorageType.File,
  discard: DiscardPolicy.Old,
  duplicate_window: nanos(DUPLICATE_WINDOW_MS),
}));

/**
 * How long a service starting up keeps retrying JetStream requests that fail for a reason other than a missing
 * stream: a cluster that just lost a node answers nothing until it has elected new leaders, which takes seconds.
 */
export const JETSTREAM_SETTLE_MS = 60_000;

/** How many copies of each stream and bucket a clustered JetStream keeps (1 on a single server, 3 in a cluster). */
export interface TopologyOptions {
  readonly replicas: number;
}

/**
 * Creates every certhub stream, or brings an existing one to the current configuration (a changed replica
 * count included: JetStream moves an existing stream to it). Storage calls this at start-up.
 */
export async function ensureStreams(jsm: JetStreamManager, options: TopologyOptions = { replicas: 1 }): Promise<void> {
  for (const base of streamConfigs) {
    const config = { ...base, num_replicas: options.replicas };
    const name = config.name as string;
    const existing = await jsm.streams.info(name).catch(() => null);
    if (!existing) {
      await jsm.streams.add(config).catch(async (error: unknown) => {
        // Another service created it between our info and add: fall through to an update.
        if (!(await jsm.streams.info(name).catch(() => null))) throw error;
      });
    }
    await jsm.streams.update(name, config);
  }
}

/**
 * Creates every certhub key-value bucket (idempotent: an existing bucket is bound). A bucket is a stream, so
 * its replicas follow the same setting; a bucket created with fewer keeps them until an operator moves it.
 */
export async function ensureBuckets(js: JetStreamClient, options: TopologyOptions = { replicas: 1 }): Promise<void> {
  for (const bucket of Object.values(Buckets)) {
    await js.views.kv(bucket.name, { history: 1, ttl: bucket.ttlMs, replicas: options.replicas });
  }
}

export interface DurableConsumerSettings {
  readonly stream: string;
  readonly durable: string;
  /** How long a delivered message may stay unacknowledged before JetStream redelivers it. */
  readonly ackWaitMs: number;
  /** Upper bound of unacknowledged messages across all instances of the consumer. */
  readonly maxAckPending: number;
  /** Only needed where several consumers share a work-queue stream. */
  readonly filterSubject?: string;
}

/** Creates or updates a durable, explicitly acknowledged pull consumer. */
export async function ensureDurableConsumer(jsm: JetStreamManager, settings: DurableConsumerSettings): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: settings.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(settings.ackWaitMs),
    max_ack_pending: settings.maxAckPending,
    // Redelivery is bounded by the consumer loop (dead-letter after CONSUMER_MAX_DELIVER failed attempts);
    // transient failures such as a database outage retry for as long as they last.
    max_deliver: -1,
    ...(settings.filterSubject ? { filter_subject: settings.filterSubject } : {}),
  };
  const existing = await jsm.consumers.info(settings.stream, settings.durable).catch(() => null);
  if (existing) {
    await jsm.consumers.update(settings.stream, settings.durable, config);
  } else {
    await jsm.consumers.add(settings.stream, config);
  }
}
