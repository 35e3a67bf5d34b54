import { commandSubject, gatewayOutcomesSubject } from '@certhub/contracts';
import { UndecodablePayloadError } from '@certhub/messaging';
import { decodeCommand } from './command.decoder';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const body = { requestId: 'r-1', name: 'www', certificate: 'PEM', privateKey: 'KEY' };

describe('decodeCommand', () => {
  it('takes the tenant from the subject the producer was allowed to publish to', () => {
    const decoded = decodeCommand(commandSubject('create', 'team.a'), encode(body));
    expect(decoded).toMatchObject({ valid: true, operation: 'create', command: { tenantId: 'team.a', requestId: 'r-1' } });
  });

  it('accepts a payload that repeats its own tenant', () => {
    expect(decodeCommand(commandSubject('create', 'team-a'), encode({ ...body, tenantId: 'team-a' }))).toMatchObject({ valid: true });
  });

  it('refuses (FORBIDDEN) a payload naming another tenant, answered to the subject\'s tenant', () => {
    const decoded = decodeCommand(commandSubject('create', 'team-a'), encode({ ...body, tenantId: 'team-b' }));
    expect(decoded).toMatchObject({ valid: false, code: 'FORBIDDEN', tenantId: 'team-a', requestId: 'r-1' });
  });

  it('refuses a non-string tenant field the same way', () => {
    expect(decodeCommand(commandSubject('create', 'team-a'), encode({ ...body, tenantId: { $ne: 'x' } }))).toMatchObject({ valid: false, code: 'FORBIDDEN' });
  });

  it('answers a contract breach with INVALID_EVENT', () => {
    expect(decodeCommand(commandSubject('update', 'team-a'), encode(body))).toMatchObject({ valid: false, code: 'INVALID_EVENT', operation: 'update' });
  });

  it('keeps a gateway instance subject as replyTo and refuses any other subject (storage publishes to it)', () => {
    const replyTo = gatewayOutcomesSubject('a1b2c3');
    expect(decodeCommand(commandSubject('create', 'team-a'), encode({ ...body, replyTo }))).toMatchObject({ valid: true, command: { replyTo } });
    for (const other of ['certificate.events.team-b.created', '_INBOX.gateway.outcomes.a.b', '_INBOX.gateway.outcomes.*', '_INBOX.storage.x']) {
      expect(decodeCommand(commandSubject('create', 'team-a'), encode({ ...body, replyTo: other }))).toMatchObject({ valid: false, code: 'INVALID_EVENT' });
    }
  });

  it('reads delete and rollback by their own contracts: an id, and for a rollback a version', () => {
    const named = { requestId: 'r-9', certificateId: 7 };
    expect(decodeCommand(commandSubject('delete', 'team-a'), encode(named))).toMatchObject({ valid: true, operation: 'delete', command: { tenantId: 'team-a', certificateId: 7 } });
    expect(decodeCommand(commandSubject('rollback', 'team-a'), encode({ ...named, version: 2 }))).toMatchObject({ valid: true, operation: 'rollback', command: { version: 2 } });
    expect(decodeCommand(commandSubject('rollback', 'team-a'), encode(named))).toMatchObject({ valid: false, code: 'INVALID_EVENT', problems: expect.arrayContaining([expect.stringContaining('version')]) });
    for (const version of ['2', 0, 1.5, { $gt: 0 }]) {
      expect(decodeCommand(commandSubject('rollback', 'team-a'), encode({ ...named, version }))).toMatchObject({ valid: false, code: 'INVALID_EVENT' });
    }
    expect(decodeCommand(commandSubject('delete', 'team-a'), encode({ requestId: 'r-9' }))).toMatchObject({ valid: false, code: 'INVALID_EVENT' });
    expect(decodeCommand(commandSubject('delete', 'team-a'), encode({ ...named, tenantId: 'team-b' }))).toMatchObject({ valid: false, code: 'FORBIDDEN' });
  });

  it('dead-letters what has nobody to answer', () => {
    expect(() => decodeCommand(commandSubject('create', 'team-a'), encode({ name: 'no request id' }))).toThrow(UndecodablePayloadError);
    expect(() => decodeCommand(commandSubject('create', 'team-a'), encode([body]))).toThrow(UndecodablePayloadError);
    expect(() => decodeCommand('certificate.create', encode(body))).toThrow(UndecodablePayloadError);
  });
});

describe('decodeCommand on hostile shapes: every command with a request id gets an answer', () => {
  it.each([
    ['labels with a __proto__ key', '{"requestId":"r-2","name":"n","certificate":"C","privateKey":"K","labels":{"__proto__":{"x":"y"}}}'],
    ['labels that are __proto__ itself', '{"requestId":"r-2","name":"n","certificate":"C","privateKey":"K","__proto__":{"labels":1}}'],
    ['a constructor key', '{"requestId":"r-2","name":"n","certificate":"C","privateKey":"K","labels":{"constructor":"x"}}'],
  ])('%s is answered, never thrown', (_name, text) => {
    const decoded = decodeCommand(commandSubject('create', 'team-a'), new TextEncoder().encode(text));
    expect(decoded).toMatchObject({ valid: false, code: 'INVALID_EVENT', requestId: 'r-2', tenantId: 'team-a' });
  });

  it.each([['"1"'], ['{"$gt":0}'], ['1.5'], ['0'], ['null']])('an update whose certificateId is %s is INVALID_EVENT', (value) => {
    const text = `{"requestId":"r-3","name":"n","certificate":"C","privateKey":"K","certificateId":${value}}`;
    expect(decodeCommand(commandSubject('update', 'team-a'), new TextEncoder().encode(text))).toMatchObject({ valid: false, code: 'INVALID_EVENT' });
  });
});
