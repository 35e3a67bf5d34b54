import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { createHash, X509Certificate } from 'node:crypto';
import { send } from './support/http-client';
import { newRainbondTeam, serverCertificateBody, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let owner: RainbondTeam;
let other: RainbondTeam;
let cert: TestCertificate;
let id: number;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  [owner, other] = await Promise.all([newRainbondTeam(env), newRainbondTeam(env)]);
  cert = await createTestCertificate({ keyType: 'p256', commonName: 'get.example.com', sans: ['get.example.com', 'www.get.example.com'] });
  const added = await owner.add(serverCertificateBody(cert, 'shown'));
  id = (added.body as { id: number }).id;
});
afterAll(async () => env?.close());

const urlOf = (tenantId: string, certificateId: number | string) => `${env.stack.gatewayUrl}/certhub/v1/tenants/${tenantId}/certificates/${certificateId}`;
const get = (team: RainbondTeam, tenantId: string, certificateId: number | string) => send('GET', urlOf(tenantId, certificateId), undefined, { Authorization: team.token });

describe('GET /certhub/v1/tenants/{tenant_id}/certificates/{certificate_id}', () => {
  it('answers the stored certificate: PEM, metadata, fingerprint, labels and revision, never the key', async () => {
    const answer = await get(owner, owner.id, id);
    expect(answer.status).toBe(200);
    const fingerprint = createHash('sha256').update(new X509Certificate(cert.certificatePem).raw).digest('hex');
    expect(answer.body).toMatchObject({
      id,
      tenantId: owner.id,
      name: 'shown',
      revision: 1,
      labels: { certificate_type: 'server' },
      metadata: { commonName: 'get.example.com', fingerprintSha256: fingerprint, subjectAltNames: { dns: ['get.example.com', 'www.get.example.com'] } },
    });
    expect(JSON.stringify(answer.body)).not.toContain('PRIVATE KEY');
    expect(JSON.stringify(answer.body)).not.toContain('privateKey');
  });

  it('shows the revision an update left', async () => {
    const renewed = await createTestCertificate({ keyType: 'p256', commonName: 'get.example.com' });
    expect((await owner.update(id, serverCertificateBody(renewed, 'shown'))).status).toBe(200);
    expect((await get(owner, owner.id, id)).body).toMatchObject({ id, revision: 2, certificatePem: renewed.certificatePem });
  });

  it("refuses another tenant's token (403) and answers another tenant's id like a missing one (404)", async () => {
    expect((await get(other, owner.id, id)).status).toBe(403);
    const asOther = await get(other, other.id, id);
    const missing = await get(other, other.id, 999_999_999);
    expect(asOther.status).toBe(404);
    expect(missing.status).toBe(404);
    // Nothing tells the two apart but the id they name.
    expect((asOther.body as { message: string }).message.replace(String(id), 'N')).toBe((missing.body as { message: string }).message.replace('999999999', 'N'));
    expect(asOther.body).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it.each([['0'], ['-1'], ['1.5'], ['abc'], ['99999999999999999999'], ['%7B%22%24gt%22%3A0%7D']])('answers certificate_id %s with 400', async (raw) => {
    const answer = await get(owner, owner.id, raw);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('GET /certhub/v1/tenants/{tenant_id}/certificates with q and fingerprint', () => {
  const list = async (team: RainbondTeam, tenantId: string, query: string) => {
    const answer = await send('GET', `${env.stack.gatewayUrl}/certhub/v1/tenants/${tenantId}/certificates?${query}`, undefined, { Authorization: team.token });
    return { status: answer.status, names: ((answer.body as { certificates?: Array<{ name: string }> }).certificates ?? []).map((one) => one.name).sort() };
  };

  it('finds by name prefix, matched as text, and by fingerprint, within the tenant only', async () => {
    const [a, b, c] = await Promise.all([createTestCertificate({ keyType: 'p256' }), createTestCertificate({ keyType: 'p256' }), createTestCertificate({ keyType: 'p256' })]);
    await owner.add(serverCertificateBody(a, 'shop.prod'));
    await owner.add(serverCertificateBody(b, 'shopXprod'));
    await other.add(serverCertificateBody(c, 'shop.prod'));

    expect(await list(owner, owner.id, 'q=shop')).toEqual({ status: 200, names: ['shop.prod', 'shopXprod'] });
    // The dot is a dot, not "any character".
    expect(await list(owner, owner.id, 'q=shop.')).toEqual({ status: 200, names: ['shop.prod'] });
    expect(await list(owner, owner.id, `q=${encodeURIComponent('.*')}`)).toEqual({ status: 200, names: [] });

    const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;
    expect(await list(owner, owner.id, `fingerprint=${encodeURIComponent(fingerprintOf(b.certificatePem))}`)).toEqual({ status: 200, names: ['shopXprod'] });
    // Another tenant's certificate is not found by its fingerprint.
    expect(await list(owner, owner.id, `fingerprint=${encodeURIComponent(fingerprintOf(c.certificatePem))}`)).toEqual({ status: 200, names: [] });
    // Filters combine with AND.
    expect(await list(owner, owner.id, `q=shop.&fingerprint=${encodeURIComponent(fingerprintOf(b.certificatePem))}`)).toEqual({ status: 200, names: [] });
    expect((await list(owner, owner.id, 'fingerprint=nope')).status).toBe(400);
  });
});
