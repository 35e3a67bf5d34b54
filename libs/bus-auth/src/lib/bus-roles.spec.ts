import { commandSubject, eventSubject, gatewayOutcomesSubject, Subjects } from '@certhub/contracts';
import { producerPermissions, producerSubjects, servicePermissions } from './bus-roles';
import type { UserPermissions } from './nats-jwt';
import { SERVICE_ROLES } from './bus-files';

/** NATS subject matching: `*` is one token, `>` the rest. */
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i += 1) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}
const mayPublish = (permissions: UserPermissions, subject: string) => (permissions.pub.allow ?? []).some((allowed) => matches(allowed, subject));
const maySubscribe = (permissions: UserPermissions, subject: string) => (permissions.sub.allow ?? []).some((allowed) => matches(allowed, subject));

describe('who may do what on the bus', () => {
  const command = commandSubject('create', 'team-a');

  it('lets only the parser receive commands, which carry clear keys (its pulled messages arrive on its inbox)', () => {
    for (const role of SERVICE_ROLES) expect(maySubscribe(servicePermissions(role), command)).toBe(false);
    expect(maySubscribe(producerPermissions('team-a'), command)).toBe(false);
    const pullers = SERVICE_ROLES.filter((role) => mayPublish(servicePermissions(role), '$JS.API.CONSUMER.MSG.NEXT.CERTHUB_COMMANDS.parser-service'));
    expect(pullers).toEqual(['parser']);
  });

  it('lets only the gateway ask for a dry run and only the parser read one (it carries a clear key)', () => {
    expect(SERVICE_ROLES.filter((role) => mayPublish(servicePermissions(role), Subjects.inspectValidate))).toEqual(['gateway']);
    expect(SERVICE_ROLES.filter((role) => maySubscribe(servicePermissions(role), Subjects.inspectValidate))).toEqual(['parser']);
    expect(mayPublish(producerPermissions('team-a'), Subjects.inspectValidate)).toBe(false);
    expect(maySubscribe(producerPermissions('team-a'), Subjects.inspectValidate)).toBe(false);
  });

  it('lets nobody read stored commands through the JetStream API', () => {
    for (const role of SERVICE_ROLES) {
      expect(mayPublish(servicePermissions(role), '$JS.API.STREAM.MSG.GET.CERTHUB_COMMANDS')).toBe(false);
      expect(mayPublish(servicePermissions(role), '$JS.API.CONSUMER.CREATE.CERTHUB_COMMANDS')).toBe(false);
    }
  });

  it('lets only storage publish events and serve request/reply', () => {
    const publishers = SERVICE_ROLES.filter((role) => mayPublish(servicePermissions(role), eventSubject('created', 'team-a')));
    expect(publishers).toEqual(['storage']);
    const servers = SERVICE_ROLES.filter((role) => maySubscribe(servicePermissions(role), Subjects.rpcCredentialResolve));
    expect(servers).toEqual(['storage']);
  });

  it('gives a gateway instance its own outcomes from storage, and no tenant event stream', () => {
    const toInstance = gatewayOutcomesSubject('a1b2c3');
    expect(SERVICE_ROLES.filter((role) => mayPublish(servicePermissions(role), toInstance))).toEqual(['storage']);
    expect(mayPublish(producerPermissions('team-a'), toInstance)).toBe(false);
    expect(maySubscribe(servicePermissions('gateway'), toInstance)).toBe(true);
    expect(maySubscribe(servicePermissions('gateway'), eventSubject('created', 'team-a'))).toBe(false);
  });

  it('lets only the admin create credentials and touch sealed keys', () => {
    for (const subject of [Subjects.rpcCredentialCreate, Subjects.rpcSealedList, Subjects.rpcSealedRewrap]) {
      expect(SERVICE_ROLES.filter((role) => mayPublish(servicePermissions(role), subject))).toEqual(['admin']);
    }
  });

  it('gives every identity its own inbox and no one the whole _INBOX', () => {
    for (const role of SERVICE_ROLES) {
      expect(maySubscribe(servicePermissions(role), '_INBOX.someone-else.x')).toBe(false);
      expect(maySubscribe(servicePermissions(role), `_INBOX.${role}.abc.1`)).toBe(true);
    }
  });

  describe('a tenant producer', () => {
    const permissions = producerPermissions('team.a');
    const subjects = producerSubjects('team.a');

    it('publishes its own commands only', () => {
      expect(mayPublish(permissions, subjects.create)).toBe(true);
      expect(mayPublish(permissions, subjects.update)).toBe(true);
      expect(mayPublish(permissions, commandSubject('delete', 'team.a'))).toBe(true);
      expect(mayPublish(permissions, commandSubject('rollback', 'team.a'))).toBe(true);
      expect(mayPublish(permissions, commandSubject('create', 'team-b'))).toBe(false);
      expect(mayPublish(permissions, commandSubject('delete', 'team-b'))).toBe(false);
      expect(mayPublish(permissions, commandSubject('rollback', 'team-b'))).toBe(false);
      expect(mayPublish(permissions, commandSubject('create', 'team'))).toBe(false);
      expect(mayPublish(permissions, eventSubject('created', 'team.a'))).toBe(false);
      expect(mayPublish(permissions, Subjects.rpcCredentialCreate)).toBe(false);
    });

    it('reads its own events through the one wildcard it is given, and nothing of anyone else', () => {
      expect(subjects.outcomes).toBe('certificate.events.team~a.*');
      expect(maySubscribe(permissions, subjects.outcomes)).toBe(true);
      expect(maySubscribe(permissions, eventSubject('expiring', 'team.a'))).toBe(true);
      expect(maySubscribe(permissions, eventSubject('created', 'team-b'))).toBe(false);
      // The wildcard can never match a command.
      expect(matches(subjects.outcomes, subjects.create)).toBe(false);
      expect(maySubscribe(permissions, '_INBOX.gateway.x')).toBe(false);
    });
  });
});
