import { GATEWAY_OUTCOMES_SUBJECT, isStringRecord, TagLimits, type CertificateParsedEvent } from '@certhub/contracts';
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
  if (typeof raw.name !== 'string' || (raw.verdict?.ok === true && raw.name === '')) problems.push('name must be a non-empty string');
  if (raw.operation !== 'create' && raw.operation !== 'update') problems.push('operation must be create or update');
  if (raw.operation === 'update' && !Number.isSafeInteger(raw.certificateId)) problems.push('certificateId must be an integer');
  if (typeof raw.labels !== 'object' || raw.labels === null) problems.push('labels must be an object');
  // Tags become index keys: only the bounded string map the command contract allows.
  if (raw.tags !== undefined && !isStringRecord(raw.tags, TagLimits)) problems.push('tags must be a bounded map of strings');
  // Storage publishes to it: never anything but a gateway instance's outcome subject.
  if (raw.replyTo !== undefined && (typeof raw.replyTo !== 'string' || !GATEWAY_OUTCOMES_SUBJECT.test(raw.replyTo))) {
    problems.push('replyTo must be a gateway outcome subject');
  }
  const verdict = raw.verdict as { ok?: unknown; parsed?: unknown; code?: unknown } | undefined;
  if (verdict?.ok === true ? typeof verdict.parsed !== 'object' : typeof verdict?.code !== 'string') {
    problems.push('verdict must be {ok:true, parsed} or {ok:false, code, message}');
  }
  if (problems.length > 0) throw new UndecodablePayloadError(problems.join('; '));
  return raw as CertificateParsedEvent;
}
