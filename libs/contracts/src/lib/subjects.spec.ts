import { commandSubject, eventSubject, parseCommandSubject, tenantEventsWildcard, tenantIdFromToken, tenantSubjectToken } from './subjects';

describe('tenant subjects', () => {
  it.each(['team-a', 'team.a', 'a.b.c', 'x:y@z/w', 'ta:x'])('round-trip the tenant id %s through one subject token', (tenantId) => {
    const token = tenantSubjectToken(tenantId);
    expect(token).not.toMatch(/[.*> \t]/);
    expect(tenantIdFromToken(token)).toBe(tenantId);
    expect(parseCommandSubject(commandSubject('update', tenantId))).toEqual({ operation: 'update', tenantId });
  });

  it('keep distinct tenants on distinct subjects', () => {
    expect(commandSubject('create', 'a.b')).not.toBe(commandSubject('create', 'a'));
    expect(eventSubject('created', 'a.b')).toBe('certificate.events.a~b.created');
  });

  it('read back only command subjects', () => {
    expect(parseCommandSubject('certificate.create')).toBeNull();
    expect(parseCommandSubject('certificate.remove.t')).toBeNull();
    expect(parseCommandSubject('certificate.delete.t')).toEqual({ operation: 'delete', tenantId: 't' });
    expect(parseCommandSubject('certificate.rollback.t')).toEqual({ operation: 'rollback', tenantId: 't' });
    expect(parseCommandSubject('certificate.events.t.created')).toBeNull();
    expect(parseCommandSubject('other.create.t')).toBeNull();
  });

  it('give each tenant one events wildcard that no command matches', () => {
    expect(tenantEventsWildcard('t')).toBe('certificate.events.t.*');
  });
});
