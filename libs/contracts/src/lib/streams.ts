import { CommandOperations, commandSubjectOfAllTenants, EventKinds, eventSubjectOfAllTenants, Subjects } from './subjects';

/**
 * JetStream streams and durable consumers. Commands and the internal hand-over are work queues: a message is
 * removed once its consumer acknowledges it. Events are kept (limits retention) for downstream systems.
 * Every stream is encrypted at rest by the server (docs/security.md).
 */
export const Streams = {
  commands: {
    name: 'CERTHUB_COMMANDS',
    subjects: CommandOperations.map(commandSubjectOfAllTenants),
  },
  pipeline: {
    name: 'CERTHUB_PIPELINE',
    subjects: [Subjects.pipelineParsed],
  },
  outcomes: {
    name: 'CERTHUB_OUTCOMES',
    subjects: EventKinds.map(eventSubjectOfAllTenants),
  },
  deadLetters: {
    name: 'CERTHUB_DLQ',
    subjects: [`${Subjects.deadLetterPrefix}.>`],
  },
} as const;

/**
 * JetStream key-value buckets, created by the storage service with the streams. `alibabaNonces` remembers
 * every Alibaba SignatureNonce (hashed with its AccessKeyId) for as long as its request's Timestamp could still
 * pass the 15-minute check either way, so a replay is refused by any gateway instance, before and after a
 * restart.
 */
export const Buckets = {
  alibabaNonces: { name: 'CERTHUB_NONCES', ttlMs: 30 * 60_000 },
} as const;

/** The stream behind a key-value bucket, as nats-server names it. */
export function bucketStream(bucket: string): string {
  return `KV_${bucket}`;
}

export const Consumers = {
  parser: 'parser-service',
  storage: 'storage-service',
} as const;
