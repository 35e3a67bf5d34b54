import {
  chainPemOf,
  createTestCertificate,
  createTestChain,
  encryptLegacyPrivateKeyPem,
  encryptPrivateKeyPem,
  exportPkcs12,
  type TestCertificate,
  type TestChain,
} from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { send, type HttpAnswer } from './support/http-client';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam, serverCertificateBody, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/**
 * Issue 12, part B: `POST /certhub/v1/tenants/{tenant_id}/certificates` (PEM, an encrypted key with its
 * passphrase, or a PKCS#12 bundle made here by `openssl pkcs12 -export`), through the real gateway, parser,
 * storage, NATS and the MongoDB-protocol server.
 */
let env: SuiteEnvironment;
let owner: RainbondTeam;
let other: RainbondTeam;
let outcomes: OutcomeListener;
let chain: TestChain;
let rsa: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  [owner, other] = await Promise.all([newRainbondTeam(env), newRainbondTeam(env)]);
  outcomes = new OutcomeListener(env.observer);
  [chain, rsa] = await Promise.all([createTestChain({ depth: 1, leaf: { commonName: 'pfx.example.com', sans: ['pfx.example.com'] } }), createTestCertificate({ keyType: 'rsa2048' })]);
});
afterAll(async () => env?.close());

const importAs = (team: RainbondTeam, tenantId: string, body: unknown, headers: Record<string, string> = {}) =>
  send('POST', `${env.stack.gatewayUrl}/certhub/v1/tenants/${tenantId}/certificates`, body, { Authorization: team.token, ...headers });
const importFor = (team: RainbondTeam, body: unknown, requestId = randomUUID()) => importAs(team, team.id, body, { 'Idempotency-Key': requestId });
const getAs = (team: RainbondTeam, id: number) => send('GET', `${env.stack.gatewayUrl}/certhub/v1/tenants/${team.id}/certificates/${id}`, undefined, { Authorization: team.token });
const stored = (query: Record<string, unknown>) => env.db.collection('certificates').countDocuments(query);
const idOf = (answer: HttpAnswer) => (answer.body as { id: number }).id;
const fresh = () => `n-${randomUUID().slice(0, 8)}`;

describe('POST /certhub/v1/tenants/{tenant_id}/certificates', () => {
  it('imports PEM fields with tags, answers 201 with the record (never the key), emits created, and GET shows the tags', async () => {
    const requestId = randomUUID();
    const answer = await importFor(owner, { name: 'plain', certificate: chain.leaf.certificatePem, privateKey: chain.leaf.privateKeyPem, chain: chainPemOf(chain), tags: { env: 'prod', team: 'web' } }, requestId);

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: 'plain', tenantId: owner.id, revision: 1, tags: { env: 'prod', team: 'web' }, duplicateOf: [], chainPem: [chain.intermediates[0].certificatePem] });
    expect(answer.text).not.toMatch(/PRIVATE KEY|privateKey/);
    const event = await outcomes.outcomeOf(owner.id, requestId);
    expect(event).toMatchObject({ outcome: 'created', certificate: { id: idOf(answer), tags: { env: 'prod', team: 'web' } } });
    expect((await getAs(owner, idOf(answer))).body).toMatchObject({ id: idOf(answer), tags: { env: 'prod', team: 'web' } });
  });

  it.each([
    ['an encrypted PKCS#8 key', () => encryptPrivateKeyPem(rsa.privateKeyPem, 'pkcs8 secret phrase')],
    ['a legacy Proc-Type: 4,ENCRYPTED key', () => encryptLegacyPrivateKeyPem(rsa.privateKeyPem, 'pkcs8 secret phrase')],
  ])('opens %s with its passphrase, which is stored nowhere', async (_name, encrypted) => {
    const name = fresh();
    const answer = await importFor(owner, { name, certificate: rsa.certificatePem, privateKey: encrypted(), passphrase: 'pkcs8 secret phrase' });
    expect(answer.status).toBe(201);
    const documents = JSON.stringify([await env.db.collection('certificates').findOne({ tenantId: owner.id, name }), await env.db.collection('request_outcomes').find({ tenantId: owner.id }).toArray()]);
    expect(documents).not.toContain('pkcs8 secret phrase');
  });

  it('refuses a wrong passphrase with KEY_ENCRYPTED in certhub\'s error body, stores nothing and emits rejected', async () => {
    const name = fresh();
    const requestId = randomUUID();
    const answer = await importFor(owner, { name, certificate: rsa.certificatePem, privateKey: encryptPrivateKeyPem(rsa.privateKeyPem, 'right'), passphrase: 'wrong' }, requestId);

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'KEY_ENCRYPTED', message: expect.stringMatching(/passphrase does not open the private key/), requestId });
    expect(await stored({ tenantId: owner.id, name })).toBe(0);
    expect(await outcomes.outcomeOf(owner.id, requestId)).toMatchObject({ outcome: 'rejected', code: 'KEY_ENCRYPTED' });
  });

  it.each(['aes256', 'des3'] as const)('imports a %s PKCS#12 bundle made by openssl pkcs12 -export, with its chain', async (encryption) => {
    const name = fresh();
    const pkcs12 = exportPkcs12(chain.leaf, 'pfx-pass', { chain: [chain.intermediates[0]], encryption });
    const answer = await importFor(owner, { name, pkcs12, passphrase: 'pfx-pass', tags: { source: 'pfx' } });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name, certificatePem: chain.leaf.certificatePem, chainPem: [chain.intermediates[0].certificatePem], metadata: { commonName: 'pfx.example.com' } });
  });

  it.each([
    ['a wrong passphrase', () => exportPkcs12(chain.leaf, 'right'), 'wrong', 'KEY_ENCRYPTED', /passphrase does not open the PKCS#12 bundle/],
    ['a 40-bit RC2 bundle (openssl pkcs12 -legacy)', () => exportPkcs12(chain.leaf, 'right', { encryption: 'legacy' }), 'right', 'CERT_PARSE_FAILED', /40-bit RC2.*Re-export it/],
  ])('refuses a bundle with %s, saying why, and stores nothing', async (_name, bundle, passphrase, code, message) => {
    const name = fresh();
    const answer = await importFor(owner, { name, pkcs12: bundle(), passphrase });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code, message: expect.stringMatching(message), requestId: expect.any(String) });
    expect(await stored({ tenantId: owner.id, name })).toBe(0);
  });

  it('honours Idempotency-Key: a retry gets the first answer, other content under the same key is 409', async () => {
    const cert = await createTestCertificate();
    const body = { name: fresh(), certificate: cert.certificatePem, privateKey: cert.privateKeyPem };
    const key = randomUUID();
    const first = await importFor(owner, body, key);
    const again = await importFor(owner, body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(idOf(again)).toBe(idOf(first));
    expect((await importFor(owner, { ...body, tags: { changed: 'yes' } }, key)).body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await stored({ tenantId: owner.id, name: body.name })).toBe(1);
  });

  it("imports a certificate the tenant already holds and names the copies in duplicateOf, never another tenant's", async () => {
    const cert = await createTestCertificate();
    const upload = (name: string) => ({ name, certificate: cert.certificatePem, privateKey: cert.privateKeyPem });
    const first = await importFor(owner, upload(fresh()));
    const theirs = await importFor(other, upload(fresh()));
    const second = await importFor(owner, upload(fresh()));

    expect(theirs.body).toMatchObject({ duplicateOf: [] });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ duplicateOf: [idOf(first)] });
    expect(idOf(second)).not.toBe(idOf(first));
  });

  it("keeps a certificate's tags through a dialect's update, which has none", async () => {
    const [first, renewed] = [await createTestCertificate(), await createTestCertificate()];
    const name = fresh();
    const created = await importFor(owner, { name, certificate: first.certificatePem, privateKey: first.privateKeyPem, tags: { keep: 'me' } });
    expect((await owner.update(idOf(created), serverCertificateBody(renewed, name))).status).toBe(200);
    expect((await getAs(owner, idOf(created))).body).toMatchObject({ revision: 2, certificatePem: renewed.certificatePem, tags: { keep: 'me' } });
  });

  it.each([
    [{ name: 'x', certificate: 'C', privateKey: 'K', password: 'p' }, /Unknown field "password"/],
    [{ name: 'x', certificate: 'C', privateKey: 'K', pkcs12: 'MIIB' }, /pkcs12 replaces certificate and privateKey/],
    [{ name: 'x' }, /certificate must be/],
    [{ name: 'x', certificate: 'C', privateKey: 'K', tags: { 'a:b': 'c' } }, /tags must map/],
    [['not', 'an', 'object'], /body must be a JSON object/],
  ])('answers a malformed body %j with 400 INVALID_REQUEST', async (body, message) => {
    const answer = await importFor(owner, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(message), requestId: expect.any(String) });
  });

  it('leaves the Rainbond dialect refusing an encrypted key, as its cloud does: a passphrase field is not part of it', async () => {
    const body = { ...serverCertificateBody({ certificatePem: rsa.certificatePem, privateKeyPem: encryptPrivateKeyPem(rsa.privateKeyPem, 'p') }, fresh()), passphrase: 'p' };
    const answer = await owner.add(body);
    expect(answer.status).toBe(400);
    expect(await stored({ tenantId: owner.id, name: body.alias })).toBe(0);
  });
});

describe('POST …/certificates/validate (dry run)', () => {
  it('lists every problem of a broken upload with its field and fix, and the metadata; stores and emits nothing', async () => {
    const deep = await createTestChain({ depth: 2, leaf: { notAfter: new Date(Date.now() + 3.5 * 86_400_000) } });
    const requestId = randomUUID();
    const before = await stored({ tenantId: owner.id });
    const answer = await send('POST', `${env.stack.gatewayUrl}/certhub/v1/tenants/${owner.id}/certificates/validate`, {
      name: 'never-stored',
      certificate: deep.leaf.certificatePem,
      privateKey: deep.intermediates[1].privateKeyPem,
      chain: deep.intermediates[0].certificatePem + deep.intermediates[1].certificatePem,
    }, { Authorization: owner.token, 'Idempotency-Key': requestId });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      valid: false,
      problems: [
        { code: 'KEY_MISMATCH', severity: 'error', field: 'privateKey', message: expect.stringContaining('it is the key of one of its issuers') },
        { code: 'CHAIN_ORDER_INVALID', severity: 'error', field: 'chain', message: expect.stringContaining('Put the chain certificates in this order') },
        { code: 'CERT_EXPIRES_SOON', severity: 'warning', field: 'certificate', message: expect.stringMatching(/expires in 3 days/) },
      ],
      metadata: expect.objectContaining({ commonName: deep.leaf.commonName }),
      chain: [expect.any(Object), expect.any(Object)],
    });
    expect(answer.text).not.toContain('PRIVATE KEY');
    expect(await stored({ tenantId: owner.id })).toBe(before);
    await expect(outcomes.outcomeOf(owner.id, requestId, 1_500)).rejects.toThrow(/no outcome/);
  });

  it('reports a missing or wrong passphrase of a bundle, and a valid upload as valid', async () => {
    const validate = (body: unknown) => send('POST', `${env.stack.gatewayUrl}/certhub/v1/tenants/${owner.id}/certificates/validate`, body, { Authorization: owner.token });
    const pkcs12 = exportPkcs12(chain.leaf, 'right', { chain: [chain.intermediates[0]] });
    expect((await validate({ pkcs12 })).body).toMatchObject({ valid: false, problems: [{ code: 'KEY_ENCRYPTED', field: 'passphrase', message: expect.stringMatching(/send it in `passphrase`/) }] });
    expect((await validate({ pkcs12, passphrase: 'wrong' })).body).toMatchObject({ valid: false, problems: [{ code: 'KEY_ENCRYPTED', field: 'passphrase' }] });
    expect((await validate({ pkcs12, passphrase: 'right' })).body).toEqual({ valid: true, problems: [], metadata: expect.objectContaining({ commonName: 'pfx.example.com' }), chain: [expect.any(Object)] });
  });
});

describe('GET …/certificates?tag=key:value', () => {
  it('finds by every tag given (AND), combined with hostname, within the tenant only', async () => {
    const make = async (tenant: RainbondTeam, tags: Record<string, string>, host: string) => {
      const cert = await createTestCertificate({ commonName: host, sans: [host] });
      const answer = await importFor(tenant, { name: fresh(), certificate: cert.certificatePem, privateKey: cert.privateKeyPem, tags });
      expect(answer.status).toBe(201);
      return idOf(answer);
    };
    // Values of this test only: other tests tag certificates of the same tenants too.
    const run = randomUUID().slice(0, 8);
    const prodWeb = await make(owner, { env: `prod-${run}`, team: 'web', url: `https://${run}:b` }, 'a.tags.example');
    const prodDb = await make(owner, { env: `prod-${run}`, team: 'db' }, 'b.tags.example');
    await make(other, { env: `prod-${run}`, team: 'web' }, 'a.tags.example');
    const list = async (team: RainbondTeam, tenantId: string, query: string) => {
      const answer = await send('GET', `${env.stack.gatewayUrl}/certhub/v1/tenants/${tenantId}/certificates?${query}`, undefined, { Authorization: team.token });
      return { status: answer.status, ids: ((answer.body as { certificates?: Array<{ id: number }> }).certificates ?? []).map((one) => one.id).sort((a, b) => a - b) };
    };

    expect(await list(owner, owner.id, `tag=env:prod-${run}&tag=team:web`)).toEqual({ status: 200, ids: [prodWeb] });
    expect(await list(owner, owner.id, `tag=env:prod-${run}`)).toEqual({ status: 200, ids: [prodWeb, prodDb] });
    expect(await list(owner, owner.id, `tag=${encodeURIComponent(`url:https://${run}:b`)}`)).toEqual({ status: 200, ids: [prodWeb] });
    expect(await list(owner, owner.id, `tag=env:prod-${run}&hostname=b.tags.example`)).toEqual({ status: 200, ids: [prodDb] });
    expect(await list(owner, owner.id, `tag=env:staging-${run}`)).toEqual({ status: 200, ids: [] });
    expect((await list(owner, owner.id, 'tag=nocolon')).status).toBe(400);
  });

  it('stores, finds and replaces tags whose keys Object.prototype also holds (toString, valueOf, __defineGetter__ …)', async () => {
    const run = randomUUID().slice(0, 8);
    const tags = { env: `prod-${run}`, toString: `a-${run}`, valueOf: 'b', hasOwnProperty: 'c', propertyIsEnumerable: 'd', toLocaleString: 'e', __defineGetter__: 'f', __lookupSetter__: 'g', isPrototypeOf: 'h' };
    const cert = await createTestCertificate();
    const created = await importFor(owner, { name: fresh(), certificate: cert.certificatePem, privateKey: cert.privateKeyPem, tags });
    expect(created).toMatchObject({ status: 201, body: { tags } });
    expect((await getAs(owner, idOf(created))).body).toMatchObject({ tags });
    const listed = await send('GET', `${env.stack.gatewayUrl}/certhub/v1/tenants/${owner.id}/certificates?tag=toString:a-${run}`, undefined, { Authorization: owner.token });
    expect((listed.body as { certificates: Array<{ id: number; tags: unknown }> }).certificates).toEqual([expect.objectContaining({ id: idOf(created), tags })]);

    // Tags sent replace the certificate's: only the one sent is left, not none.
    const body = { name: `r-${run}`, certificate: cert.certificatePem, privateKey: cert.privateKeyPem, tags: { toString: 'z' } };
    const replaced = await send('PUT', `${env.stack.gatewayUrl}/certhub/v1/tenants/${owner.id}/certificates/${idOf(created)}`, body, { Authorization: owner.token });
    expect(replaced).toMatchObject({ status: 200, body: { tags: { toString: 'z' } } });
    expect((await getAs(owner, idOf(created))).body).toMatchObject({ tags: { toString: 'z' } });
  });

  it('refuses the object-model keys __proto__, constructor and prototype as tag keys, as documented', async () => {
    const cert = await createTestCertificate();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = `{"name":"${fresh()}","certificate":${JSON.stringify(cert.certificatePem)},"privateKey":${JSON.stringify(cert.privateKeyPem)},"tags":{"${key}":"x"}}`;
      const answer = await send('POST', `${env.stack.gatewayUrl}/certhub/v1/tenants/${owner.id}/certificates`, body, { Authorization: owner.token });
      expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST', message: expect.stringContaining(`"${key}"`) } });
    }
  });
});

describe('another tenant', () => {
  it('may not import, validate or search under this tenant (403, nothing stored, nothing revealed)', async () => {
    const cert = await createTestCertificate();
    const name = fresh();
    const body = { name, certificate: cert.certificatePem, privateKey: cert.privateKeyPem, tags: { env: 'prod' } };
    const base = `${env.stack.gatewayUrl}/certhub/v1/tenants/${owner.id}/certificates`;
    const answers = [
      await importAs(other, owner.id, body),
      await send('POST', `${base}/validate`, body, { Authorization: other.token }),
      await send('GET', `${base}?tag=env:prod`, undefined, { Authorization: other.token }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'FORBIDDEN', requestId: expect.any(String) });
      expect(answer.text).not.toContain('certificatePem');
    }
    expect(await stored({ name })).toBe(0);
  });

  it('sees nothing of the first tenant through its own routes: tags, fingerprints and ids stay apart', async () => {
    const answer = await importFor(owner, { name: fresh(), certificate: rsa.certificatePem, privateKey: rsa.privateKeyPem, tags: { secret: 'owner-only' } });
    const id = idOf(answer);
    expect((await getAs(other, id)).status).toBe(404);
    const listed = await send('GET', `${env.stack.gatewayUrl}/certhub/v1/tenants/${other.id}/certificates?tag=secret:owner-only`, undefined, { Authorization: other.token });
    expect(listed.body).toEqual({ certificates: [], next: null });
  });
});

