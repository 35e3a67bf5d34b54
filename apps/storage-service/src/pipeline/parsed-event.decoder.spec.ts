import { UndecodablePayloadError } from '@certhub/messaging';
import { decodeParsedEvent } from './parsed-event.decoder';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const base = { requestId: 'r-1', tenantId: 'team-a', name: '', labels: {}, contentHash: 'h' };
const refused = { ok: false, code: 'INVALID_EVENT', message: 'Invalid command' };

describe('decodeParsedEvent', () => {
  it.each(['update', 'delete', 'rollback'])('takes a refused %s without a certificate id: its producer still gets an answer', (operation) => {
    expect(decodeParsedEvent(encode({ ...base, operation, certificateId: null, verdict: refused }))).toMatchObject({ operation });
  });

  it('takes delete and rollback with no upload, a rollback only with its version', () => {
    expect(decodeParsedEvent(encode({ ...base, operation: 'delete', certificateId: 3, verdict: { ok: true, parsed: null } }))).toMatchObject({ certificateId: 3 });
    expect(decodeParsedEvent(encode({ ...base, operation: 'rollback', certificateId: 3, version: 1, verdict: { ok: true, parsed: null } }))).toMatchObject({ version: 1 });
    expect(() => decodeParsedEvent(encode({ ...base, operation: 'rollback', certificateId: 3, verdict: { ok: true, parsed: null } }))).toThrow(UndecodablePayloadError);
    expect(() => decodeParsedEvent(encode({ ...base, operation: 'delete', verdict: { ok: true, parsed: null } }))).toThrow(UndecodablePayloadError);
  });

  it('refuses an upload verdict without what was parsed, and an unknown operation', () => {
    expect(() => decodeParsedEvent(encode({ ...base, name: 'n', operation: 'update', certificateId: 3, verdict: { ok: true, parsed: null } }))).toThrow(UndecodablePayloadError);
    expect(() => decodeParsedEvent(encode({ ...base, operation: 'purge', certificateId: 3, verdict: refused }))).toThrow(/operation must be one of/);
  });
});
