import {
  CertificateCreateCommand,
  CertificateDeleteCommand,
  CertificateRollbackCommand,
  CertificateUpdateCommand,
  CommandIdentity,
  parseCommandSubject,
  validatePayload,
  type CertificateCommand,
  type CertificateLifecycleCommand,
  type CommandOperation,
  type LifecycleOperation,
  type UploadOperation,
} from '@certhub/contracts';
import { decodeJson, UndecodablePayloadError } from '@certhub/messaging';

export type DecodedCommand =
  | { readonly valid: true; readonly operation: UploadOperation; readonly command: CertificateCommand }
  | { readonly valid: true; readonly operation: LifecycleOperation; readonly command: CertificateLifecycleCommand }
  | {
      readonly valid: false;
      readonly operation: CommandOperation;
      readonly requestId: string;
      readonly tenantId: string;
      readonly code: 'INVALID_EVENT' | 'FORBIDDEN';
      readonly problems: readonly string[];
    };

/** The contract each operation's payload must meet. */
const CONTRACTS = {
  create: CertificateCreateCommand,
  update: CertificateUpdateCommand,
  delete: CertificateDeleteCommand,
  rollback: CertificateRollbackCommand,
} as const satisfies Record<CommandOperation, unknown>;

/**
 * Decodes a command from the gateway or a message-bus producer. The tenant is the one in the subject, which
 * NATS only lets the tenant's own producer (or the gateway) publish to: a payload may repeat it, but a payload
 * naming another tenant is refused (FORBIDDEN) without being looked at further. A command that is JSON but
 * breaks the contract is answered with a `rejected` event (INVALID_EVENT) when its request id can be read, so
 * the producer learns why; without one there is nobody to answer and it is dead-lettered.
 */
export function decodeCommand(subject: string, data: Uint8Array): DecodedCommand {
  const addressed = parseCommandSubject(subject);
  if (!addressed) throw new UndecodablePayloadError(`not a command subject: ${subject}`);
  const { operation, tenantId } = addressed;
  const raw = decodeJson(data);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UndecodablePayloadError('payload is not a JSON object');
  }
  const claimed = (raw as { tenantId?: unknown }).tenantId;
  const payload = { ...(raw as Record<string, unknown>), tenantId };
  // Only the two fields that say whom to answer: the rest of the payload cannot stop the answer.
  const ids = validatePayload(CommandIdentity, { requestId: (raw as { requestId?: unknown }).requestId, tenantId });
  if (!ids.ok) throw new UndecodablePayloadError(`no usable requestId and tenant: ${ids.problems.join('; ')}`);
  const requestId = ids.value.requestId;
  if (claimed !== undefined && claimed !== tenantId) {
    return { valid: false, operation, requestId, tenantId, code: 'FORBIDDEN', problems: [`the command names tenant ${JSON.stringify(claimed)} but was published for tenant ${JSON.stringify(tenantId)}`] };
  }
  const result = validatePayload<object>(CONTRACTS[operation], payload);
  if (result.ok) return { valid: true, operation, command: result.value } as DecodedCommand;
  return { valid: false, operation, requestId, tenantId, code: 'INVALID_EVENT', problems: result.problems };
}
