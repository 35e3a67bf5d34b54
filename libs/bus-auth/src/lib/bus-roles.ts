import {
  CommandOperations,
  commandSubject,
  commandSubjectOfAllTenants,
  Buckets,
  bucketStream,
  Consumers,
  deadLetterSubject,
  EventKinds,
  eventSubjectOfAllTenants,
  GATEWAY_OUTCOMES_PREFIX,
  producerInboxPrefix,
  serviceInboxPrefix,
  Streams,
  Subjects,
  tenantEventsWildcard,
  type ServiceRole,
} from '@certhub/contracts';
import type { UserPermissions } from './nats-jwt';

/**
 * Who may do what on the bus: the single source of the permission table in docs/security.md. Every identity
 * gets only what its job needs; everything else is a permissions violation at the server.
 */
const JS_API = '$JS.API';

/** What a pull consumer of one durable needs from the JetStream API, and nothing of any other consumer. */
function pullConsumerApi(stream: string, durable: string): string[] {
  return [
    `${JS_API}.STREAM.INFO.${stream}`,
    `${JS_API}.CONSUMER.INFO.${stream}.${durable}`,
    `${JS_API}.CONSUMER.CREATE.${stream}.${durable}`,
    `${JS_API}.CONSUMER.CREATE.${stream}.${durable}.>`,
    `${JS_API}.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
    `${JS_API}.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    // Acknowledgements (ack, nak, in-progress, term) go to the delivery's reply subject.
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

const nonceStream = bucketStream(Buckets.alibabaNonces.name);
const allStreams = [Streams.commands.name, Streams.pipeline.name, Streams.outcomes.name, Streams.deadLetters.name, nonceStream];

const eventsOfAllTenants = EventKinds.map(eventSubjectOfAllTenants);

export function servicePermissions(role: ServiceRole): UserPermissions {
  const inbox = `${serviceInboxPrefix(role)}.>`;
  switch (role) {
    case 'gateway':
      return {
        pub: {
          allow: [
            ...CommandOperations.map(commandSubjectOfAllTenants),
            Subjects.rpcOutcomeGet,
            Subjects.rpcCredentialResolve,
            Subjects.rpcCertificatesQuery,
            Subjects.rpcCertificateGet,
            Subjects.rpcCertificateVersions,
            Subjects.rpcHealthStorage,
            // The dry run carries a clear key: the gateway asks, only the parser answers (see 'parser').
            Subjects.inspectValidate,
            `${JS_API}.INFO`,
            // The Alibaba replay guard shared by every gateway: add a nonce, read one back.
            `$KV.${Buckets.alibabaNonces.name}.>`,
            `${JS_API}.STREAM.INFO.${nonceStream}`,
            `${JS_API}.STREAM.MSG.GET.${nonceStream}`,
            `${JS_API}.DIRECT.GET.${nonceStream}`,
            `${JS_API}.DIRECT.GET.${nonceStream}.>`,
          ],
        },
        // Its inbox only, which holds its replies and the outcomes storage sends to its instances
        // (GATEWAY_OUTCOMES_PREFIX): it never reads a command, nor any tenant's event stream.
        sub: { allow: [inbox] },
      };
    case 'parser':
      return {
        pub: {
          allow: [
            Subjects.pipelineParsed,
            deadLetterSubject('parser'),
            `${JS_API}.INFO`,
            ...pullConsumerApi(Streams.commands.name, Consumers.parser),
          ],
        },
        // Its pulled commands arrive in its inbox; dry runs (a clear key inside) on their own subject, which
        // is outside storage's `certhub.rpc.>` so that nobody else may read them.
        sub: { allow: [inbox, Subjects.inspectValidate] },
        // One answer to each dry run, on the requester's reply subject.
        allowResponses: true,
      };
    case 'storage':
      return {
        pub: {
          allow: [
            ...eventsOfAllTenants,
            // The outcome of a gateway's command, to that gateway instance only.
            `${GATEWAY_OUTCOMES_PREFIX}.*`,
            deadLetterSubject('storage'),
            `${JS_API}.INFO`,
            // Storage owns the topology: it creates and upgrades the streams at start-up.
            ...allStreams.flatMap((stream) => [`${JS_API}.STREAM.CREATE.${stream}`, `${JS_API}.STREAM.UPDATE.${stream}`, `${JS_API}.STREAM.INFO.${stream}`]),
            ...pullConsumerApi(Streams.pipeline.name, Consumers.storage),
          ],
        },
        sub: { allow: [`${Subjects.rpcPrefix}.>`, inbox] },
        allowResponses: true,
      };
    case 'admin':
      return {
        pub: { allow: [Subjects.rpcCredentialCreate, Subjects.rpcSealedList, Subjects.rpcSealedRewrap] },
        sub: { allow: [inbox] },
      };
    case 'observer':
      // Downstream systems and operators: every tenant's outcomes and expiry events and the (redacted) dead
      // letters, read-only.
      return {
        pub: { allow: [] },
        sub: { allow: [...eventsOfAllTenants, `${Subjects.deadLetterPrefix}.>`, inbox] },
      };
  }
}

/** The subjects a tenant's producer publishes to and reads its events from. */
export interface ProducerSubjects {
  readonly create: string;
  readonly update: string;
  readonly delete: string;
  readonly rollback: string;
  /** One wildcard over the tenant's events (outcomes and expiry); it never matches a command. */
  readonly outcomes: string;
  /** The connection's `inboxPrefix`: JetStream acknowledgements arrive there. */
  readonly inboxPrefix: string;
}

export function producerSubjects(tenantId: string): ProducerSubjects {
  return {
    create: commandSubject('create', tenantId),
    update: commandSubject('update', tenantId),
    delete: commandSubject('delete', tenantId),
    rollback: commandSubject('rollback', tenantId),
    outcomes: tenantEventsWildcard(tenantId),
    inboxPrefix: producerInboxPrefix(tenantId),
  };
}

/** A producer publishes its tenant's commands and reads its tenant's events; nothing else. */
export function producerPermissions(tenantId: string): UserPermissions {
  const subjects = producerSubjects(tenantId);
  return {
    pub: { allow: [subjects.create, subjects.update, subjects.delete, subjects.rollback] },
    sub: { allow: [subjects.outcomes, `${subjects.inboxPrefix}.>`] },
  };
}
