import { commandSubject, eventSubject, Streams, type CertificateRejectedEvent } from '@certhub/contracts';
import { JSONCodec } from 'nats';
import type { SuiteEnvironment } from './suite-environment';

/** The gateway's create command for `requestId`, once it is on the (unconsumed) command stream. */
export async function queuedCreateCommand(env: SuiteEnvironment, tenantId: string, requestId: string): Promise<{ readonly replyTo?: string }> {
  // No certhub identity may read stored commands (they hold clear keys): the test-only inspector does.
  const jsm = await env.inspector.jetstreamManager();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const last = await jsm.streams.getMessage(Streams.commands.name, { last_by_subj: commandSubject('create', tenantId) }).catch(() => null);
    const command = last?.json<{ requestId?: string; replyTo?: string }>();
    if (command?.requestId === requestId) return command;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`command ${requestId} never reached ${Streams.commands.name}`);
}

/**
 * A failure nothing in certhub makes on purpose, injected the way storage would send it while the parser is
 * stopped: a rejected outcome on the tenant's event stream and to the gateway instance that published the
 * command (its `replyTo`). Only the storage identity may publish either, so the injection takes its credentials.
 */
export async function injectRejectedOutcome(env: SuiteEnvironment, outcome: Omit<CertificateRejectedEvent, 'outcome' | 'operation' | 'decidedAt'>): Promise<void> {
  const command = await queuedCreateCommand(env, outcome.tenantId, outcome.requestId);
  const storage = await env.connectAs('storage');
  const event = JSONCodec().encode({ ...outcome, operation: 'create', outcome: 'rejected', decidedAt: new Date().toISOString() });
  storage.publish(eventSubject('rejected', outcome.tenantId), event);
  if (command.replyTo !== undefined) storage.publish(command.replyTo, event);
  await storage.drain();
}
