import { Subjects } from './subjects';

/**
 * JetStream streams and durable consumers. Commands and the internal hand-over are work queues: a message is
 * removed once its consumer acknowledges it, so clear-text keys in commands do not linger on disk.
 * Outcomes are kept (limits retention) for any downstream system to replay.
 */
export const Streams = {
  commands: {
    name: 'CERTHUB_COMMANDS',
    subjects: [Subjects.certificateCreate, Subjects.certificateUpdate],
  },
  pipeline: {
    name: 'CERTHUB_PIPELINE',
    subjects: [Subjects.pipelineParsed],
  },
  outcomes: {
    name: 'CERTHUB_OUTCOMES',
    subjects: [
      Subjects.certificateCreated,
      Subjects.certificateUpdated,
      Subjects.certificateRejected,
      Subjects.certificateExpiring,
    ],
  },
  deadLetters: {
    name: 'CERTHUB_DLQ',
    subjects: [`${Subjects.deadLetterPrefix}.>`],
  },
} as const;

export const Consumers = {
  parser: 'parser-service',
  storage: 'storage-service',
} as const;
