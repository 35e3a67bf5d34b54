import { CommandOperations, GATEWAY_OUTCOMES_SUBJECT, isLifecycleOperation, isStringRecord, TagLimits, type CertificateParsedEvent } from '@certhub/contracts';
import { decodeJson, UndecodablePayloadError } from '@certhub/messaging';

/**
 * The hand-over comes from our own parser, but the bus is shared: anything that does not have the event's
 * shape is refused here (and dead-lettered) before it reaches MongoDB.
 */
export function decodeParsedEvent(data: Uint8Array): CertificateParsedEvent {
  const raw = decodeJson(data) as Partial<CertificateParsedEvent> | null;
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null) throw new UndecodablePayloadError('not an object');
  for (const field of ['requestId', 'tenantId', 'contentHash'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') problems.push(`${field} must be a non-empty string`);
  }
  // A rejected command may have had no usable name at all (INVALID_EVENT), so only a stored one needs it.
  const operation = CommandOperations.find((known) => known === raw.operation);
  if (operation === undefined) problems.push(`operation must be one of ${CommandOperations.join(', ')}`);
  const lifecycle = operation !== undefined && isLifecycleOperation(operation);
  // Delete and rollback name a certificate by id only.
  if (typeof raw.name !== 'string' || (raw.verdict?.ok === true && !lifecycle && raw.name === '')) problems.push('name must be a non-empty string');
  // Only a verdict to apply needs the id: a command refused by the parser (INVALID_EVENT) may have had none.
  if (raw.verdict?.ok === true && operation !== undefined && operation !== 'create' && !Number.isSafeInteger(raw.certificateId)) {
    problems.push('certificateId must be an integer');
  }
  if (operation === 'rollback' && raw.verdict?.ok === true && !Number.isSafeInteger(raw.version)) problems.push('version must be an integer');
  if (typeof raw.labels !== 'object' || raw.labels === null) problems.push('labels must be an object');
  // Tags become index keys: only the bounded string map the command contract allows.
  if (raw.tags !== undefined && !isStringRecord(raw.tags, TagLimits)) problems.push('tags must be a bounded map of strings');
  // Storage publishes to it: never anything but a gateway instance's outcome subject.
  if (raw.replyTo !== undefined && (typeof raw.replyTo !== 'string' || !GATEWAY_OUTCOMES_SUBJECT.test(raw.replyTo))) {
    problems.push('replyTo must be a gateway outcome subject');
  }
  const verdict = raw.verdict as { ok?: unknown; parsed?: unknown; code?: unknown } | undefined;
  const parsedShape = lifecycle ? verdict?.parsed === null : typeof verdict?.parsed === 'object' && verdict.parsed !== null;
  if (verdict?.ok === true ? !parsedShape : typeof verdict?.code !== 'string') {
    problems.push('verdict must be {ok:true, parsed} or {ok:false, code, message}');
  }
  if (problems.length > 0) throw new UndecodablePayloadError(problems.join('; '));
  return raw as CertificateParsedEvent;
}
