/**
 * Every NATS subject certhub uses, in one place.
 *
 * Commands and events carry the tenant in their subject, so NATS's own permissions decide who may publish or
 * read a tenant's traffic: a producer's credentials name exactly its tenant's subjects (docs/security.md).
 * Commands (`certificate.create.<tenant>`) and events (`certificate.events.<tenant>.<kind>`) sit under
 * different second tokens on purpose: one wildcard, `certificate.events.<tenant>.*`, covers a tenant's events
 * and can never match a command, which carries a clear private key.
 *
 * JetStream subjects (durable, captured by a stream) and core request/reply subjects live under different
 * prefixes: a stream that captured a request subject would answer every request with a PubAck.
 */
export const Subjects = {
  /** Commands: the public entry points of the pipeline, `certificate.<operation>.<tenant token>`. */
  commandPrefix: 'certificate',

  /** Events: outcomes (one per command, storage only) and expiry, `certificate.events.<tenant token>.<kind>`. */
  eventsPrefix: 'certificate.events',

  /** Internal hand-over from parser to storage. Carries the encrypted key envelope, never a clear key. */
  pipelineParsed: 'certhub.pipeline.parsed',

  /** Dead letters: messages that could not be decoded or kept failing, one subject per consuming stage. */
  deadLetterPrefix: 'certhub.dlq',

  /** Core NATS request/reply (never captured by a stream). */
  rpcPrefix: 'certhub.rpc',
  rpcOutcomeGet: 'certhub.rpc.outcome.get',
  rpcHealthStorage: 'certhub.rpc.health.storage',
  rpcCredentialCreate: 'certhub.rpc.credential.create',
  rpcCredentialResolve: 'certhub.rpc.credential.resolve',
  rpcCertificatesQuery: 'certhub.rpc.certificates.query',
  rpcCertificateGet: 'certhub.rpc.certificates.get',
  rpcCertificateVersions: 'certhub.rpc.certificates.versions',
  rpcSealedList: 'certhub.rpc.keys.list',
  rpcSealedRewrap: 'certhub.rpc.keys.rewrap',

  /**
   * Core NATS request/reply served by the parser: the dry run of an upload. The request carries a clear private
   * key, so it is outside `certhub.rpc.>` (which storage subscribes to): only the gateway may send it and only
   * the parser may read it.
   */
  inspectValidate: 'certhub.inspect.validate',
} as const;

export const CommandOperations = ['create', 'update', 'delete', 'rollback'] as const;
export type CommandOperation = (typeof CommandOperations)[number];
/** The operations that upload a certificate and key; `delete` and `rollback` name a stored certificate only. */
export type UploadOperation = Extract<CommandOperation, 'create' | 'update'>;
export type LifecycleOperation = Exclude<CommandOperation, UploadOperation>;
export function isLifecycleOperation(operation: CommandOperation): operation is LifecycleOperation {
  return operation === 'delete' || operation === 'rollback';
}

export const OutcomeKinds = ['created', 'updated', 'deleted', 'rejected'] as const;
export type OutcomeKind = (typeof OutcomeKinds)[number];
export type EventKind = OutcomeKind | 'expiring';
export const EventKinds: readonly EventKind[] = [...OutcomeKinds, 'expiring'];

/** Subject tokens are never empty and never contain `.`, `*`, `>` or white space. */
const ANY_TENANT = '*';

/**
 * A tenant id as one subject token. Tenant ids may contain `.` (see CommandIdentity), which NATS reads as a
 * token separator; `~` never occurs in a tenant id, so swapping the two is a bijection and keeps ids legible.
 */
export function tenantSubjectToken(tenantId: string): string {
  return tenantId.replaceAll('.', '~');
}

export function tenantIdFromToken(token: string): string {
  return token.replaceAll('~', '.');
}

/** `certificate.create.<tenant token>`; pass '*' as the token's tenant through `anyTenant` for every tenant. */
export function commandSubject(operation: CommandOperation, tenantId: string): string {
  return `${Subjects.commandPrefix}.${operation}.${tenantSubjectToken(tenantId)}`;
}

export function commandSubjectOfAllTenants(operation: CommandOperation): string {
  return `${Subjects.commandPrefix}.${operation}.${ANY_TENANT}`;
}

/** `certificate.events.<tenant token>.<kind>`. */
export function eventSubject(kind: EventKind, tenantId: string): string {
  return `${Subjects.eventsPrefix}.${tenantSubjectToken(tenantId)}.${kind}`;
}

export function eventSubjectOfAllTenants(kind: EventKind): string {
  return `${Subjects.eventsPrefix}.${ANY_TENANT}.${kind}`;
}

/** Every event of one tenant: what its producer subscribes to. */
export function tenantEventsWildcard(tenantId: string): string {
  return `${Subjects.eventsPrefix}.${tenantSubjectToken(tenantId)}.*`;
}

/** Reads a command subject back, or null for any other subject. */
export function parseCommandSubject(subject: string): { operation: CommandOperation; tenantId: string } | null {
  const tokens = subject.split('.');
  if (tokens.length !== 3 || tokens[0] !== Subjects.commandPrefix) return null;
  const operation = CommandOperations.find((candidate) => candidate === tokens[1]);
  const token = tokens[2] as string;
  if (!operation || token.length === 0) return null;
  return { operation, tenantId: tenantIdFromToken(token) };
}

export type DeadLetterStage = 'parser' | 'storage';

export function deadLetterSubject(stage: DeadLetterStage): string {
  return `${Subjects.deadLetterPrefix}.${stage}`;
}

/** The identities on the bus (libs/bus-auth issues their credentials; docs/security.md lists their rights). */
export type ServiceRole = 'gateway' | 'parser' | 'storage' | 'admin' | 'observer';

/**
 * Replies (JetStream acks, request/reply answers, pull-consumer deliveries) go to the requester's inbox. Each
 * identity has its own inbox prefix and may subscribe to nothing else of the kind, so nobody can read another
 * identity's replies (a credential resolve, a PubAck) by subscribing to `_INBOX.>`.
 */
export function serviceInboxPrefix(role: ServiceRole): string {
  return `_INBOX.${role}`;
}

/** A tenant producer's inbox prefix: pass it as the client's `inboxPrefix` connection option. */
export function producerInboxPrefix(tenantId: string): string {
  return `_INBOX.tenant.${tenantSubjectToken(tenantId)}`;
}

/**
 * Where storage also sends the outcome of a command a gateway instance published (core NATS, besides the
 * durable event): `_INBOX.gateway.outcomes.<instance>`. Each gateway instance listens to its own only, so N
 * gateways do not each decode every outcome of the cluster. Under the gateway's inbox prefix, which nobody
 * else may read; only storage may publish there.
 */
export const GATEWAY_OUTCOMES_PREFIX = `${serviceInboxPrefix('gateway')}.outcomes`;

export function gatewayOutcomesSubject(instanceId: string): string {
  return `${GATEWAY_OUTCOMES_PREFIX}.${instanceId}`;
}

/** A gateway instance id: 1-64 letters and digits, so the subject is always exactly one token longer. */
export const GATEWAY_OUTCOMES_SUBJECT = /^_INBOX\.gateway\.outcomes\.[A-Za-z0-9]{1,64}$/;
