import {
  CertificateCreateCommand,
  CertificateUpdateCommand,
  CommandIdentity,
  Subjects,
  validatePayload,
  type CertificateCommand,
  type CommandOperation,
} from '@certhub/contracts';
import { decodeJson, UndecodablePayloadError } from '@certhub/messaging';

export type DecodedCommand =
  | { readonly valid: true; readonly operation: CommandOperation; readonly command: CertificateCommand }
  | {
      readonly valid: false;
      readonly operation: CommandOperation;
      readonly requestId: string;
      readonly tenantId: string;
      readonly problems: readonly string[];
    };

/**
 * Decodes a command from a message-bus producer. A command that is JSON but breaks the contract is answered
 * with a `certificate.rejected` outcome (INVALID_EVENT) when its request id and tenant can be read, so the
 * producer learns why; without those there is nobody to answer and it is dead-lettered.
 */
export function decodeCommand(subject: string, data: Uint8Array): DecodedCommand {
  const operation: CommandOperation = subject === Subjects.certificateUpdate ? 'update' : 'create';
  const raw = decodeJson(data);
  const result = validatePayload(operation === 'update' ? CertificateUpdateCommand : CertificateCreateCommand, raw);
  if (result.ok) return { valid: true, operation, command: result.value };
  const ids = validatePayload(CommandIdentity, raw);
  if (!ids.ok) throw new UndecodablePayloadError(`no usable requestId and tenantId: ${ids.problems.join('; ')}`);
  return { valid: false, operation, requestId: ids.value.requestId, tenantId: ids.value.tenantId, problems: result.problems };
}
