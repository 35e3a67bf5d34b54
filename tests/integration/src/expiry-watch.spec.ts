import { eventSubjectOfAllTenants, type CertificateExpiringEvent, type CertificateSummary } from '@certhub/contracts';
import { createTestCertificate } from '@certhub/testing';
import { JSONCodec } from 'nats';
import { send, type HttpAnswer } from './support/http-client';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

const DAY_MS = 86_400_000;
/** Scans run every second here; this is several of them. */
const SEVERAL_SCANS_MS = 3_500;

let env: SuiteEnvironment;
const expiring: CertificateExpiringEvent[] = [];
beforeAll(async () => {
  env = await startSuiteEnvironment({ env: { storage: { EXPIRY_SCAN_INTERVAL_MS: '1000' } } });
  const codec = JSONCodec<CertificateExpiringEvent>();
  env.observer.subscribe(eventSubjectOfAllTenants('expiring'), { callback: (_error, message) => expiring.push(codec.decode(message.data)) });
});
afterAll(async () => env?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Imports a certificate valid for `days` more days (dates relative to now) and returns its id. */
async function importExpiringIn(team: RainbondTeam, alias: string, days: number, names: { cn?: string; sans?: string[] } = {}): Promise<number> {
  const cert = await createTestCertificate({ notAfter: new Date(Date.now() + days * DAY_MS), commonName: names.cn, sans: names.sans });
  const answer = await team.add({ alias, certificate: cert.certificatePem, private_key: cert.privateKeyPem, certificate_type: 'server' });
  expect(answer.status).toBe(200);
  return (answer.body as { id: number }).id;
}

async function eventsFor(certificateId: number, atLeast = 1, timeoutMs = 15_000): Promise<CertificateExpiringEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = expiring.filter((event) => event.certificateId === certificateId);
    if (found.length >= atLeast || Date.now() > deadline) return found;
    await sleep(100);
  }
}

describe('expiry watch: certificate.expiring', () => {
  it('announces a certificate with 5 days left once, at the 7-day threshold, and not again on later scans', async () => {
    const team = await newRainbondTeam(env);
    const id = await importExpiringIn(team, 'five-days', 5, { cn: 'soon.example.com' });

    const [event] = await eventsFor(id);
    expect(event).toEqual({
      tenantId: team.id,
      certificateId: id,
      uid: expect.stringMatching(/^[0-9a-f]{32}$/),
      scmId: `scs${String(id).padStart(13, '0')}`,
      name: 'five-days',
      hostnames: ['soon.example.com'],
      notAfter: expect.any(String),
      thresholdDays: 7,
      daysLeft: 4,
      detectedAt: expect.any(String),
    });
    await sleep(SEVERAL_SCANS_MS);
    expect(await eventsFor(id)).toHaveLength(1);
    const stored = await env.db.collection('certificates').findOne({ _id: id } as never);
    expect([...(stored?.['expiryNotified'] as number[])].sort((a, b) => a - b)).toEqual([7, 14, 30]);
  });

  it('announces 20 days left at 30 only and 60 days left not at all', async () => {
    const team = await newRainbondTeam(env);
    const twenty = await importExpiringIn(team, 'twenty-days', 20);
    const sixty = await importExpiringIn(team, 'sixty-days', 60);

    expect((await eventsFor(twenty)).map((event) => event.thresholdDays)).toEqual([30]);
    await sleep(SEVERAL_SCANS_MS);
    expect(expiring.filter((event) => event.tenantId === team.id)).toEqual([expect.objectContaining({ certificateId: twenty, thresholdDays: 30 })]);
    expect(await eventsFor(sixty, 1, 0)).toEqual([]);
  });

  it('watches an updated certificate afresh: its new validity gets its own announcement', async () => {
    const team = await newRainbondTeam(env);
    const id = await importExpiringIn(team, 'renewed', 20);
    expect((await eventsFor(id)).map((event) => event.thresholdDays)).toEqual([30]);

    const replacement = await createTestCertificate({ notAfter: new Date(Date.now() + 10 * DAY_MS) });
    const updated = await team.update(id, { alias: 'renewed', certificate: replacement.certificatePem, private_key: replacement.privateKeyPem, certificate_type: 'server' });
    expect(updated.status).toBe(200);

    expect((await eventsFor(id, 2)).map((event) => event.thresholdDays)).toEqual([30, 14]);
  });
});

describe('GET /certhub/v1/tenants/{tenant_id}/certificates', () => {
  let team: RainbondTeam;
  let other: RainbondTeam;
  const ids: Record<string, number> = {};

  const list = (query: string, teamId = team.id, headers: Record<string, string> = { Authorization: team.token }): Promise<HttpAnswer> =>
    send('GET', `${env.stack.gatewayUrl}/certhub/v1/tenants/${teamId}/certificates${query}`, undefined, headers);
  const namesOf = (answer: HttpAnswer) => (answer.body as { certificates: CertificateSummary[] }).certificates.map((cert) => cert.name);

  beforeAll(async () => {
    team = await newRainbondTeam(env);
    other = await newRainbondTeam(env);
    ids['shop'] = await importExpiringIn(team, 'shop', 40, { cn: 'shop.example.com', sans: ['shop.example.com', 'www.shop.example.com'] });
    ids['wildcard'] = await importExpiringIn(team, 'wildcard', 9, { cn: '*.example.com', sans: ['*.example.com'] });
    ids['api'] = await importExpiringIn(team, 'api', 3, { cn: 'api.example.org' });
    ids['other'] = await importExpiringIn(other, 'other-shop', 2, { cn: 'shop.example.com' });
  });

  it('finds certificates by exact host name and by a wildcard covering it, sorted by notAfter, never another tenant\'s', async () => {
    const answer = await list('?hostname=SHOP.example.com');

    expect(answer.status).toBe(200);
    expect(namesOf(answer)).toEqual(['wildcard', 'shop']);
    const shop = (answer.body as { certificates: CertificateSummary[] }).certificates[1];
    expect(shop).toEqual({
      id: ids['shop'],
      uid: expect.stringMatching(/^[0-9a-f]{32}$/),
      scmId: `scs${String(ids['shop']).padStart(13, '0')}`,
      name: 'shop',
      hostnames: ['shop.example.com', 'www.shop.example.com'],
      notBefore: expect.any(String),
      notAfter: expect.any(String),
      commonName: 'shop.example.com',
      labels: expect.any(Object),
      tags: {},
    });
    expect(answer.text).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE|sealed|ciphertext/i);
    expect((answer.body as { next: unknown }).next).toBeNull();
  });

  it('lets a wildcard cover one label only and finds the wildcard certificate by its own name', async () => {
    expect(namesOf(await list('?hostname=checkout.example.com'))).toEqual(['wildcard']);
    expect(namesOf(await list('?hostname=*.example.com'))).toEqual(['wildcard']);
    expect(namesOf(await list('?hostname=a.checkout.example.com'))).toEqual([]);
    expect(namesOf(await list('?hostname=example.com'))).toEqual([]);
  });

  it('lists by expiry window, already expired certificates included', async () => {
    expect(namesOf(await list('?expires_within_days=10'))).toEqual(['api', 'wildcard']);
    expect(namesOf(await list('?expires_within_days=365'))).toEqual(['api', 'wildcard', 'shop']);
    expect(namesOf(await list('?expires_within_days=0'))).toEqual([]);

    // No import is accepted once expired: age one in place to see how the window treats it.
    await env.db.collection('certificates').updateOne({ _id: ids['api'] } as never, { $set: { notAfter: new Date(Date.now() - DAY_MS) } });
    expect(namesOf(await list('?expires_within_days=0'))).toEqual(['api']);
    expect(namesOf(await list('?expires_within_days=10&hostname=foo.example.com'))).toEqual(['wildcard']);
  });

  it('pages with limit and the opaque next cursor', async () => {
    const seen: string[] = [];
    let query = '?limit=1';
    for (let page = 0; page < 5; page += 1) {
      const answer = await list(query);
      expect(answer.status).toBe(200);
      const body = answer.body as { certificates: CertificateSummary[]; next: string | null };
      expect(body.certificates.length).toBeLessThanOrEqual(1);
      seen.push(...body.certificates.map((cert) => cert.name));
      if (body.next === null) break;
      query = `?limit=1&after=${body.next}`;
    }
    expect(seen).toEqual(namesOf(await list('')));
    expect(seen).toHaveLength(3);
  });

  it('answers 401 without a valid token and 403 for another tenant\'s token, in certhub\'s error form', async () => {
    const missing = await list('', team.id, {});
    expect(missing).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED', message: expect.any(String), requestId: expect.any(String) } });
    expect(await list('', team.id, { Authorization: 'cht_not-a-token' })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await list('', team.id, { Authorization: other.token })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await list('', other.id, { Authorization: `Bearer ${other.token}` })).toMatchObject({ status: 200 });
    expect(namesOf(await list('', other.id, { Authorization: other.token }))).toEqual(['other-shop']);
  });

  it('answers 400 INVALID_REQUEST for bad parameters', async () => {
    for (const query of ['?limit=0', '?limit=1001', '?expires_within_days=-1', '?hostname=a*.example.com', '?hostname=a.com&hostname=b.com', '?hots=a.com', '?after=AAAA']) {
      const answer = await list(query);
      expect({ query, status: answer.status, code: (answer.body as { code?: string }).code }).toEqual({ query, status: 400, code: 'INVALID_REQUEST' });
    }
  });
});
