import { Subjects, type EncryptedKeyEnvelope, type RewrapReply, type SealedListReply } from '@certhub/contracts';
import { RpcClient } from '@certhub/messaging';
import { createTestCertificate } from '@certhub/testing';
import { randomBytes } from 'node:crypto';
import { BusProducer } from './support/bus-producer';
import { send } from './support/http-client';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/**
 * Storage's request/reply surface under hostile but authenticated callers: answers that would not fit a NATS
 * message are paged instead of crashing storage, and a rewrap that would destroy a key is refused.
 */
let env: SuiteEnvironment;
let team: RainbondTeam;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  team = await newRainbondTeam(env);
});
afterAll(async () => env?.close());

const storageAlive = async () => (await fetch(`${env.stack.healthUrl('storage')}/health/live`)).status === 200;

describe('answers larger than a NATS message', () => {
  // 45 certificates of 2,000 host names each: the listing's JSON is about 1.3 MB, over NATS's 1 MiB.
  const COPIES = 45;
  const sans = Array.from({ length: 2_000 }, (_, i) => `h${i}.big.io`);

  beforeAll(async () => {
    // Rainbond's 8 KiB certificate field cannot carry them; a bus producer of the same tenant can (64 KiB).
    const cert = await createTestCertificate({ keyType: 'p256', commonName: 'h0.big.io', sans });
    const producer = await BusProducer.create(env, team.id);
    const outcomes = new OutcomeListener(producer.nc, [producer.grant.outcomes]);
    for (let i = 0; i < COPIES; i += 1) {
      await producer.publish('create', { requestId: `big-${i}`, name: `big-${i}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    }
    for (let i = 0; i < COPIES; i += 1) expect(await outcomes.outcomeOf(team.id, `big-${i}`, 60_000)).toMatchObject({ outcome: 'created' });
    await producer.close();
  }, 120_000);

  it('are paged by size: the listing over HTTP arrives whole, page by page, and storage lives on', async () => {
    const url = (after?: string) =>
      `${env.stack.gatewayUrl}/certhub/v1/tenants/${team.id}/certificates?hostname=h1.big.io&limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const ids: number[] = [];
    let pages = 0;
    let after: string | undefined;
    do {
      const answer = await send('GET', url(after), undefined, { Authorization: team.token });
      expect(answer.status).toBe(200);
      const body = answer.body as { certificates: Array<{ id: number }>; next: string | null };
      expect(body.certificates.length).toBeGreaterThan(0);
      ids.push(...body.certificates.map((certificate) => certificate.id));
      after = body.next ?? undefined;
      pages += 1;
    } while (after && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(COPIES);
    expect(await storageAlive()).toBe(true);
  });

  it('keys.list with a huge limit is refused with a clear error, and a legal one stays under the budget', async () => {
    const admin = new RpcClient(await env.connectAs('admin'));
    const huge = await admin.rpc<SealedListReply>(Subjects.rpcSealedList, { kind: 'certificate-key', notKekId: 'none', after: null, limit: 1_000_000 });
    expect(huge.error).toMatch(/limit/);
    const page = await admin.rpc<SealedListReply>(Subjects.rpcSealedList, { kind: 'certificate-key', notKekId: 'none', after: null, limit: 1_000 });
    expect(page.entries.length).toBeGreaterThanOrEqual(COPIES);
    expect(await storageAlive()).toBe(true);
  });
});

describe('keys.rewrap', () => {
  it('refuses a replacement whose data key does not open, and the stored key stays readable', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const added = await team.add({ alias: 'rewrap-victim', certificate: cert.certificatePem, private_key: cert.privateKeyPem, certificate_type: 'server' });
    const id = (added.body as { id: number }).id;
    const stored = async () => ((await env.db.collection('certificates').findOne({ _id: id } as never)) as unknown as { privateKey: EncryptedKeyEnvelope }).privateKey;
    const expected = await stored();
    const replacement = { ...expected, wrappedDataKey: randomBytes(60).toString('base64') };

    const admin = new RpcClient(await env.connectAs('admin'));
    const reply = await admin.rpc<RewrapReply>(Subjects.rpcSealedRewrap, { kind: 'certificate-key', id: String(id), expected, replacement });

    expect(reply.updated).toBe(false);
    expect(reply.error).toBeDefined();
    expect(await stored()).toEqual(expected);
  });

  it('refuses malformed requests from an authenticated caller without falling over', async () => {
    const admin = new RpcClient(await env.connectAs('admin'));
    for (const payload of [null, [], { kind: 'certificate-key', id: { $gt: 0 } }, { kind: 'x'.repeat(100_000) }]) {
      const reply = await admin.rpc<RewrapReply>(Subjects.rpcSealedRewrap, payload);
      expect(reply).toMatchObject({ updated: false, error: expect.any(String) });
    }
    expect(await storageAlive()).toBe(true);
  });
});
