import { createBusAuthority, issueProducerCreds } from '@certhub/bus-auth';
import { commandSubject, eventSubject, gatewayOutcomesSubject, producerInboxPrefix, serviceInboxPrefix, Subjects } from '@certhub/contracts';
import { connectAsProducer, connectWithCreds, createTestCertificate, type TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { connect, credsAuthenticator, JSONCodec, type NatsConnection } from 'nats';
import { readFileSync } from 'node:fs';
import { serverInfo } from './support/server-info';
import { BusProducer } from './support/bus-producer';
import { runAdmin } from './support/credentials';
import { connectionCut, PERMISSION_VIOLATION, publishRefusal, subscribeRefusal } from './support/bus-permissions';
import { OutcomeListener } from './support/outcome-listener';
import { readStoreFiles } from './support/store-files';
import { newRainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/**
 * Issue "Nobody on the bus without a name": every attack an anonymous client made on the open bus, tried
 * again with each identity certhub now issues, ends in a server-side refusal or a clear outcome, and nothing
 * is written.
 */
let env: SuiteEnvironment;
let alice: BusProducer;
let cert: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  alice = await BusProducer.create(env, 'alice.example');
  cert = await createTestCertificate({ keyType: 'p256', commonName: 'trust.example.com' });
});
afterAll(async () => {
  await alice?.close();
  await env?.close();
});

const json = JSONCodec();
const stored = (tenantId: string) => env.db.collection('certificates').countDocuments({ tenantId });

function command(requestId: string, extra: Record<string, unknown> = {}) {
  return { requestId, name: `n-${requestId.slice(0, 8)}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem, ...extra };
}

describe('the bus speaks TLS only', () => {
  it('announces TLS as required before anything else is said, so a plain-text client cannot talk to it', async () => {
    expect(await serverInfo(env.nats.port)).toMatchObject({ tls_required: true });
  });

  it("refuses, before any credentials are sent, a client that does not trust the bus's CA", async () => {
    const creds = readFileSync(env.nats.files.credsFile('gateway'));
    await expect(connect({ servers: env.nats.url, authenticator: credsAuthenticator(creds), maxReconnectAttempts: 0, reconnect: false }))
      .rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });
});

describe('no anonymous client', () => {
  it('is let in at all', async () => {
    await expect(connect({ servers: env.nats.url, tls: { caFile: env.nats.caFile }, maxReconnectAttempts: 0, reconnect: false }))
      .rejects.toThrow(/Authorization Violation/);
  });

  it('nor a client with credentials certhub did not sign', async () => {
    const { creds } = issueProducerCreds(createBusAuthority(), 'alice.example');
    await expect(connectAsProducer(env.nats, creds, 'alice.example').then((nc) => nc.close())).rejects.toThrow(/Authorization Violation/);
  });
});

describe('a tenant producer', () => {
  it('imports for its own tenant and sees the outcome on the wildcard it was given', async () => {
    const outcomes = new OutcomeListener(alice.nc, [alice.grant.outcomes]);
    const requestId = randomUUID();
    await alice.publish('create', command(requestId));
    expect(await outcomes.outcomeOf('alice.example', requestId)).toMatchObject({ outcome: 'created', certificate: { tenantId: 'alice.example' } });
  });

  it('cannot publish a command for another tenant: the server refuses and nothing is stored', async () => {
    const victim = await newRainbondTeam(env, 'victim-a');
    expect(await publishRefusal(alice.nc, commandSubject('create', victim.id), JSON.stringify(command(randomUUID())))).toMatch(PERMISSION_VIOLATION);
    expect(await publishRefusal(alice.nc, commandSubject('update', victim.id), JSON.stringify(command(randomUUID(), { certificateId: 1 })))).toMatch(PERMISSION_VIOLATION);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await stored(victim.id)).toBe(0);
  });

  it('naming another tenant in the payload is rejected (FORBIDDEN) on its own outcome subject, and nothing is written', async () => {
    const outcomes = new OutcomeListener(alice.nc, [alice.grant.outcomes]);
    const requestId = randomUUID();
    await alice.publish('create', command(requestId, { tenantId: 'victim-b' }));
    expect(await outcomes.outcomeOf('alice.example', requestId)).toMatchObject({ outcome: 'rejected', code: 'FORBIDDEN', message: expect.stringContaining('victim-b') });
    expect(await stored('victim-b')).toBe(0);
    expect(await env.db.collection('certificates').countDocuments({ createdByRequestId: requestId })).toBe(0);
  });

  it('reads no command, not even its own: commands carry clear private keys', async () => {
    expect(await subscribeRefusal(alice.nc, commandSubject('create', 'alice.example'))).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(alice.nc, 'certificate.create.*')).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(alice.nc, '>')).toMatch(PERMISSION_VIOLATION);
  });

  it('reads no other tenant\'s events, and no other identity\'s replies', async () => {
    expect(await subscribeRefusal(alice.nc, eventSubject('created', 'victim-c'))).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(alice.nc, 'certificate.events.*.created')).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(alice.nc, '_INBOX.>')).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(alice.nc, '_INBOX.gateway.>')).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(alice.nc, `${producerInboxPrefix('victim-c')}.>`)).toMatch(PERMISSION_VIOLATION);
  });

  it('cannot publish outcome events, so it cannot forge an answer to a waiting HTTP client', async () => {
    const team = await newRainbondTeam(env, 'alice.example');
    await env.stack.stop('parser');
    try {
      const requestId = `forge-${randomUUID()}`;
      const answering = team.add({ alias: 'real', certificate: cert.certificatePem, private_key: cert.privateKeyPem, certificate_type: 'server' }, { 'Idempotency-Key': requestId });
      const forged = json.encode({
        requestId, tenantId: team.id, operation: 'create', outcome: 'created', decidedAt: new Date().toISOString(),
        certificate: { id: 424242, name: 'forged', tenantId: team.id },
      });
      expect(await publishRefusal(alice.nc, eventSubject('created', team.id), new TextDecoder().decode(forged))).toMatch(PERMISSION_VIOLATION);
      // Nor straight to a gateway instance, where storage sends the outcomes of that instance's commands.
      expect(await publishRefusal(alice.nc, gatewayOutcomesSubject('0123abcd'), new TextDecoder().decode(forged))).toMatch(PERMISSION_VIOLATION);
      await env.stack.start('parser');
      const answer = await answering;
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ alias: 'real' });
      expect((answer.body as { id: number }).id).not.toBe(424242);
    } finally {
      if (!(await fetch(`${env.stack.healthUrl('parser')}/health/ready`).then((r) => r.ok).catch(() => false))) await env.stack.start('parser');
    }
  });

  it.each([
    Subjects.rpcCredentialCreate,
    Subjects.rpcCredentialResolve,
    Subjects.rpcSealedList,
    Subjects.rpcSealedRewrap,
    Subjects.rpcOutcomeGet,
    Subjects.rpcCertificatesQuery,
  ])('cannot call %s', async (subject) => {
    expect(await publishRefusal(alice.nc, subject, JSON.stringify({ kind: 'token', tenantId: 'victim-d', id: 'x', tokenHash: 'x', limit: 10 }))).toMatch(PERMISSION_VIOLATION);
  });

  it('cannot answer storage\'s requests: no impersonating the credential resolver', async () => {
    expect(await subscribeRefusal(alice.nc, Subjects.rpcCredentialResolve)).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(alice.nc, `${Subjects.rpcPrefix}.>`)).toMatch(PERMISSION_VIOLATION);
  });

  it('is cut off at once by revoke-producer, and its credentials never work again', async () => {
    const bob = await BusProducer.create(env, 'bob');
    try {
      const cut = connectionCut(bob.nc);
      const before = randomUUID();
      await bob.publish('create', command(before));

      const revoked = JSON.parse(await runAdmin(env, ['revoke-producer', '--tenant', 'bob'])) as { revoked: string[] };
      expect(revoked.revoked).toEqual([bob.grant.user]);
      await cut;
    } finally {
      await bob.nc.close();
    }
    await expect(connectAsProducer(env.nats, bob.grant.creds, 'bob').then((nc) => nc.close())).rejects.toThrow(/Authorization Violation/);
    // A producer issued after the revocation works.
    const again = await BusProducer.create(env, 'bob');
    await expect(again.publish('create', command(randomUUID()))).resolves.toMatchObject({ stream: 'CERTHUB_COMMANDS' });
    await again.close();
  });
});

describe('service identities hold only what their job needs', () => {
  let gateway: NatsConnection;
  let parser: NatsConnection;
  let storage: NatsConnection;
  let admin: NatsConnection;
  beforeAll(async () => {
    [gateway, parser, storage, admin] = await Promise.all([env.connectAs('gateway'), env.connectAs('parser'), env.connectAs('storage'), env.connectAs('admin')]);
  });

  it('only the parser reads commands', async () => {
    for (const [name, nc] of Object.entries({ gateway, storage, admin, observer: env.observer })) {
      expect(`${name}:${await subscribeRefusal(nc, 'certificate.create.*')}`).toMatch(PERMISSION_VIOLATION);
    }
    // Nor may anyone but the parser pull from the command stream's consumer.
    for (const nc of [gateway, storage, admin]) {
      expect(await publishRefusal(nc, '$JS.API.CONSUMER.MSG.NEXT.CERTHUB_COMMANDS.parser-service', '{"batch":1}')).toMatch(PERMISSION_VIOLATION);
      expect(await publishRefusal(nc, '$JS.API.STREAM.MSG.GET.CERTHUB_COMMANDS', '{"seq":1}')).toMatch(PERMISSION_VIOLATION);
    }
  });

  it('only storage publishes events', async () => {
    for (const [name, nc] of Object.entries({ gateway, parser, admin, observer: env.observer })) {
      expect(`${name}:${await publishRefusal(nc, eventSubject('created', 'anyone'))}`).toMatch(PERMISSION_VIOLATION);
    }
  });

  it('only the admin identity creates credentials or touches sealed keys', async () => {
    for (const [name, nc] of Object.entries({ gateway, parser, storage, observer: env.observer })) {
      for (const subject of [Subjects.rpcCredentialCreate, Subjects.rpcSealedList, Subjects.rpcSealedRewrap]) {
        expect(`${name}:${await publishRefusal(nc, subject)}`).toMatch(PERMISSION_VIOLATION);
      }
    }
  });

  it('only storage serves requests', async () => {
    for (const [name, nc] of Object.entries({ gateway, parser, admin, observer: env.observer })) {
      expect(`${name}:${await subscribeRefusal(nc, Subjects.rpcCredentialResolve)}`).toMatch(PERMISSION_VIOLATION);
    }
  });

  it('only the gateway asks for a dry run and only the parser reads one: its request carries a clear key', async () => {
    for (const [name, nc] of Object.entries({ gateway, storage, admin, observer: env.observer, producer: alice.nc })) {
      expect(`${name}:${await subscribeRefusal(nc, Subjects.inspectValidate)}`).toMatch(PERMISSION_VIOLATION);
    }
    for (const [name, nc] of Object.entries({ parser, storage, admin, observer: env.observer, producer: alice.nc })) {
      expect(`${name}:${await publishRefusal(nc, Subjects.inspectValidate)}`).toMatch(PERMISSION_VIOLATION);
    }
    // The gateway's own request reaches the parser, which answers (a contract refusal, not a permissions one).
    const answer = json.decode((await gateway.request(Subjects.inspectValidate, json.encode({}), { timeout: 5_000 })).data);
    expect(answer).toMatchObject({ ok: true, data: { valid: false, error: expect.stringContaining('requestId') } });
  });

  it('the gateway never reads what the parser hands to storage', async () => {
    expect(await subscribeRefusal(gateway, Subjects.pipelineParsed)).toMatch(PERMISSION_VIOLATION);
  });

  it('the gateway reads outcomes only where storage sends them to its instances, not any tenant\'s event stream', async () => {
    expect(await subscribeRefusal(gateway, 'certificate.events.*.created')).toMatch(PERMISSION_VIOLATION);
    expect(await subscribeRefusal(gateway, eventSubject('rejected', 'team-a'))).toMatch(PERMISSION_VIOLATION);
    expect(await publishRefusal(gateway, gatewayOutcomesSubject('0123abcd'))).toMatch(PERMISSION_VIOLATION);
  });
});

describe('no clear private key at rest', () => {
  it('the JetStream store holds a queued command only encrypted', async () => {
    const team = await newRainbondTeam(env, `rest-${randomUUID().slice(0, 6)}`);
    const secret = await createTestCertificate({ keyType: 'rsa2048' });
    const keyBody = secret.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
    await env.stack.stop('parser');
    try {
      // The command waits in the stream, on disk, while nobody consumes it.
      void team.add({ alias: 'at-rest', certificate: secret.certificatePem, private_key: secret.privateKeyPem, certificate_type: 'server' }).catch(() => undefined);
      await waitForStreamMessages(env, 'CERTHUB_COMMANDS');
      const files = readStoreFiles(env.nats.storeDir);
      expect(files.length).toBeGreaterThan(0);
      const everything = Buffer.concat(files);
      for (const line of keyBody.slice(1, -1)) expect(everything.includes(Buffer.from(line))).toBe(false);
      expect(everything.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
      expect(everything.includes(Buffer.from('at-rest'))).toBe(false);
    } finally {
      await env.stack.start('parser');
    }
  });
});

describe('observers handed out by create-observer', () => {
  it("read every tenant's events but no command, and are cut off at once by revoke-observers", async () => {
    const grant = JSON.parse(await runAdmin(env, ['create-observer'])) as { user: string; creds: string };
    const connectWith = () => connectWithCreds(env.nats, grant.creds, serviceInboxPrefix('observer'), 'test-handed-observer');
    const nc = await connectWith();
    try {
      const cut = connectionCut(nc);
      expect(await subscribeRefusal(nc, eventSubject('created', 'any-tenant'))).toBe('subscribed');
      expect(await subscribeRefusal(nc, 'certificate.create.*')).toMatch(PERMISSION_VIOLATION);

      const answer = JSON.parse(await runAdmin(env, ['revoke-observers'])) as { revoked: string[] };

      expect(answer.revoked).toEqual([grant.user]);
      await cut;
    } finally {
      await nc.close();
    }
    await expect(connectWith().then((again) => again.close())).rejects.toThrow(/Authorization Violation/);
    // The observer identity certhub's own deployment runs with is not one of those handed out.
    expect(env.observer.isClosed()).toBe(false);
  });
});

// Last in the file: it cuts the suite's own observer connection.
describe('a service identity whose credentials are rotated', () => {
  it('is cut off at once, its old credentials never work again, and the new ones do', async () => {
    const oldCreds = readFileSync(env.nats.files.credsFile('observer'), 'utf8');
    const connectWith = (creds: string) => connectWithCreds(env.nats, creds, serviceInboxPrefix('observer'), 'test-rotated-observer');
    const old = await connectWith(oldCreds);
    try {
      const cut = connectionCut(old);

      const answer = JSON.parse(await runAdmin(env, ['rotate-service-creds', '--role', 'observer'])) as { rotated: string[]; revoked: string[] };

      expect(answer.rotated).toEqual(['observer']);
      expect(answer.revoked).toHaveLength(1);
      await cut;
    } finally {
      await old.close();
    }
    await expect(connectWith(oldCreds).then((nc) => nc.close())).rejects.toThrow(/Authorization Violation/);
    const newCreds = readFileSync(env.nats.files.credsFile('observer'), 'utf8');
    expect(newCreds).not.toBe(oldCreds);
    const fresh = await connectWith(newCreds);
    try {
      // It still holds the observer's permissions: every tenant's events.
      expect(await subscribeRefusal(fresh, eventSubject('created', 'any-tenant'))).toBe('subscribed');
    } finally {
      await fresh.close();
    }
  });
});

async function waitForStreamMessages(suite: SuiteEnvironment, stream: string): Promise<void> {
  const jsm = await suite.inspector.jetstreamManager();
  const deadline = Date.now() + 10_000;
  while ((await jsm.streams.info(stream)).state.messages === 0) {
    if (Date.now() > deadline) throw new Error(`${stream} stayed empty`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
