/**
 * Every NATS subject certhub uses, in one place.
 *
 * JetStream subjects (durable, captured by a stream) and core request/reply subjects live under different
 * prefixes on purpose: a stream that captured a request subject would answer every request with a PubAck.
 */
export const Subjects = {
  /** Commands: the public entry points of the pipeline. Any producer may publish these. */
  certificateCreate: 'certificate.create',
  certificateUpdate: 'certificate.update',

  /** Outcomes: exactly one per command, published by the storage service. */
  certificateCreated: 'certificate.created',
  certificateUpdated: 'certificate.updated',
  certificateRejected: 'certificate.rejected',

  /** Expiry watch: one event per certificate per threshold. */
  certificateExpiring: 'certificate.expiring',

  /** Internal hand-over from parser to storage. Carries the encrypted key envelope, never a clear key. */
  pipelineParsed: 'certhub.pipeline.parsed',

  /** Dead letters: messages that could not be decoded or kept failing, one subject per consuming stage. */
  deadLetterPrefix: 'certhub.dlq',

  /** Core NATS request/reply (never captured by a stream). */
  rpcOutcomeGet: 'certhub.rpc.outcome.get',
  rpcHealthStorage: 'certhub.rpc.health.storage',
  rpcCredentialCreate: 'certhub.rpc.credential.create',
  rpcCredentialResolve: 'certhub.rpc.credential.resolve',
  rpcCertificatesQuery: 'certhub.rpc.certificates.query',
  rpcSealedList: 'certhub.rpc.keys.list',
  rpcSealedRewrap: 'certhub.rpc.keys.rewrap',
} as const;

export const OutcomeSubjects = [
  Subjects.certificateCreated,
  Subjects.certificateUpdated,
  Subjects.certificateRejected,
] as const;

export type DeadLetterStage = 'parser' | 'storage';

export function deadLetterSubject(stage: DeadLetterStage): string {
  return `${Subjects.deadLetterPrefix}.${stage}`;
}
