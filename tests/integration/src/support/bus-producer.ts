import { type CommandOperation } from '@certhub/contracts';
import { headers as natsHeaders, JSONCodec, type NatsConnection, type PubAck } from 'nats';
import { runAdmin } from './credentials';
import { connectAsProducer } from '@certhub/testing';
import type { SuiteEnvironment } from './suite-environment';

export interface ProducerGrant {
  readonly tenant: string;
  readonly creds: string;
  readonly publish: Readonly<Record<CommandOperation, string>>;
  readonly outcomes: string;
  readonly inboxPrefix: string;
  /** The credentials' public key, as revoke-producer reports it. */
  readonly user: string;
}

/** A message-bus producer of one tenant, set up the way docs/events.md tells one to: admin create-producer. */
export class BusProducer {
  private constructor(
    readonly grant: ProducerGrant,
    readonly nc: NatsConnection,
  ) {}

  static async create(env: SuiteEnvironment, tenantId: string): Promise<BusProducer> {
    const grant = JSON.parse(await runAdmin(env, ['create-producer', '--tenant', tenantId])) as ProducerGrant;
    return new BusProducer(grant, await connectAsProducer(env.nats, grant.creds, tenantId));
  }

  /** Publishes to JetStream and resolves with the stream's acknowledgement. */
  publish(operation: CommandOperation, payload: unknown, msgId?: string): Promise<PubAck> {
    const headers = natsHeaders();
    if (msgId) headers.set('Nats-Msg-Id', msgId);
    return this.nc.jetstream().publish(this.grant.publish[operation], typeof payload === 'string' ? new TextEncoder().encode(payload) : JSONCodec().encode(payload), { headers });
  }

  close(): Promise<void> {
    return this.nc.drain().catch(() => undefined);
  }
}
