import { createTestCertificate, encryptPrivateKeyPem, exportPkcs12 } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { send, type HttpAnswer } from './support/http-client';
import { OutcomeListener } from './support/outcome-listener';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

/**
 * `PUT /certhub/v1/tenants/{tenant_id}/certificates/{id}`: a re-import that keeps the id (what ACM calls
 * re-import), from the same body as an import, through the real services. The version it replaces is kept.
 */
let env: SuiteEnvironment;
let owner: RainbondTeam;
let other: RainbondTeam;
let outcomes: OutcomeListener;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  [owner, other] = await Promise.all([newRainbondTeam(env), newRainbondTeam(env)]);
  outcomes = new OutcomeListener(env.observer);
});
afterAll(async () => env?.close());

const url = (tenantId: string, id?: number | string) => `${env.stack.gatewayUrl}/certhub/v1/tenants/${tenantId}/certificates${id === undefined ? '' : `/${id}`}`;
const as = (team: RainbondTeam, headers: Record<string, string> = {}) => ({ Authorization: team.token, ...headers });
const idOf = (answer: HttpAnswer) => (answer.body as { id: number }).id;

async function imported(team: RainbondTeam, name: string, tags: Record<string, string> = { env: 'prod' }): Promise<number> {
  const cert = await createTestCertificate({ keyType: 'p256', commonName: `${name}.example.com` });
  const answer = await send('POST', url(team.id), { name, certificate: cert.certificatePem, privateKey: cert.privateKeyPem, tags }, as(team));
  expect(answer.status).toBe(201);
  return idOf(answer);
}

describe('PUT /certhub/v1/tenants/{tenant_id}/certificates/{id}', () => {
  it('stores a PKCS#12 bundle as the new version under the same id, keeps the tags and the old version, and emits updated', async () => {
    const id = await imported(owner, 'renewed');
    const renewed = await createTestCertificate({ keyType: 'rsa2048', commonName: 'renewed.example.com' });
    const requestId = randomUUID();
    // One file, sent twice below: a bundle exported again has a fresh salt, and so other content.
    const body = { name: 'renewed', pkcs12: exportPkcs12(renewed, 'pfx phrase'), passphrase: 'pfx phrase' };
    const answer = await send('PUT', url(owner.id, id), body, as(owner, { 'Idempotency-Key': requestId }));

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id, name: 'renewed', revision: 2, tags: { env: 'prod' }, certificatePem: renewed.certificatePem });
    expect(answer.text).not.toMatch(/PRIVATE KEY|pfx phrase/);
    expect(await outcomes.outcomeOf(owner.id, requestId)).toMatchObject({ outcome: 'updated', version: 2, certificate: { id, revision: 2 } });
    const versions = await send('GET', `${url(owner.id, id)}/versions`, undefined, as(owner));
    expect((versions.body as { versions: { version: number }[] }).versions.map((version) => version.version)).toEqual([2, 1]);
    // A retry with the same key is the same answer, not a third version.
    const retried = await send('PUT', url(owner.id, id), body, as(owner, { 'Idempotency-Key': requestId }));
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, revision: 2 });
  });

  it('replaces the tags when the body sends them', async () => {
    const id = await imported(owner, 'retagged', { env: 'prod', team: 'web' });
    const next = await createTestCertificate({ keyType: 'p256', commonName: 'retagged.example.com' });
    const answer = await send('PUT', url(owner.id, id), { name: 'retagged', certificate: next.certificatePem, privateKey: next.privateKeyPem, tags: { env: 'staging' } }, as(owner));
    expect(answer.body).toMatchObject({ id, tags: { env: 'staging' } });
  });

  it('refuses a wrong passphrase with KEY_ENCRYPTED and leaves the certificate as it was', async () => {
    const id = await imported(owner, 'locked');
    const next = await createTestCertificate({ keyType: 'rsa2048', commonName: 'locked.example.com' });
    const answer = await send('PUT', url(owner.id, id), { name: 'locked', certificate: next.certificatePem, privateKey: encryptPrivateKeyPem(next.privateKeyPem, 'right one'), passphrase: 'wrong one' }, as(owner));
    expect({ status: answer.status, code: (answer.body as { code: string }).code }).toEqual({ status: 400, code: 'KEY_ENCRYPTED' });
    expect(await env.db.collection('certificates').findOne({ _id: id } as never, { projection: { revision: 1 } })).toMatchObject({ revision: 1 });
  });

  it('answers 404 for an id the tenant never had, another tenant\'s id, and a deleted one; 403 for another tenant\'s path', async () => {
    const theirs = await imported(other, 'theirs');
    const mine = await imported(owner, 'deleted-then-put');
    expect((await send('DELETE', url(owner.id, mine), undefined, as(owner))).status).toBe(200);
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { name: 'x', certificate: cert.certificatePem, privateKey: cert.privateKeyPem };

    for (const id of [theirs, mine, 999_999]) {
      const answer = await send('PUT', url(owner.id, id), body, as(owner));
      expect({ id, status: answer.status, code: (answer.body as { code: string }).code }).toEqual({ id, status: 404, code: 'NOT_FOUND' });
    }
    expect((await send('PUT', url(other.id, theirs), body, as(owner))).status).toBe(403);
    const untouched = await send('GET', url(other.id, theirs), undefined, as(other));
    expect(untouched.body).toMatchObject({ id: theirs, name: 'theirs', revision: 1 });
    expect(await env.db.collection('certificates').countDocuments({ tenantId: owner.id, name: 'x' })).toBe(0);
  });

  it('refuses a malformed id or body with 400 before anything is sent', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    expect((await send('PUT', url(owner.id, 'abc'), { name: 'x', certificate: cert.certificatePem, privateKey: cert.privateKeyPem }, as(owner))).status).toBe(400);
    const unknownField = await send('PUT', url(owner.id, 1), { name: 'x', certificate: cert.certificatePem, privateKey: cert.privateKeyPem, password: 'typo' }, as(owner));
    expect({ status: unknownField.status, code: (unknownField.body as { code: string }).code }).toEqual({ status: 400, code: 'INVALID_REQUEST' });
  });
});
