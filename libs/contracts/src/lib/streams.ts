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

export const Consumers = {
  parser: 'parser-service',
  storage: 'storage-service',
} as const;
