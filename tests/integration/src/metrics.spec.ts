import { createTestCertificate } from '@certhub/testing';
import { newRainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

const DAY_MS = 86_400_000;

let env: SuiteEnvironment;
// Expiry metrics are refreshed by the expiry scan: every second here.
beforeAll(async () => (env = await startSuiteEnvironment({ env: { storage: { EXPIRY_SCAN_INTERVAL_MS: '1000' } } })));
afterAll(async () => env?.close());

const scrape = async (url: string) => (await fetch(url)).text();

async function scrapeUntil(url: string, wanted: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await scrape(url);
    if (text.includes(wanted) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Prometheus metrics', () => {
  it('count requests and outcomes by code, show bus lag and the expiry of certificates expiring soon', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType: 'p256', notAfter: new Date(Date.now() + 10 * DAY_MS) });
    const body = { alias: 'metered', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };
    const created = await team.add(body);
    expect((await team.add(body)).status).toBe(412);
    const later = await createTestCertificate({ keyType: 'p256', notAfter: new Date(Date.now() + 60 * DAY_MS) });
    const laterAnswer = await team.add({ alias: 'later', private_key: later.privateKeyPem, certificate: later.certificatePem, certificate_type: 's' });
    expect(laterAnswer.status).toBe(200);

    const gateway = await scrape(`${env.stack.gatewayUrl}/metrics`);
    expect(gateway).toMatch(/certhub_http_requests_total\{dialect="rainbond",method="POST",status="200",service="api-gateway"\} 2/);
    expect(gateway).toMatch(/certhub_http_requests_total\{dialect="rainbond",method="POST",status="412",service="api-gateway"\} 1/);

    const id = (created.body as { id: number }).id;
    const series = `certhub_certificate_not_after_timestamp_seconds{tenant="${team.id}",certificate_id="${id}",name="metered",service="storage-service"}`;
    const storage = await scrapeUntil(`${env.stack.healthUrl('storage')}/metrics`, series);
    expect(storage).toContain('certhub_outcomes_total{operation="create",outcome="created",code="",service="storage-service"} 2');
    expect(storage).toContain('certhub_outcomes_total{operation="create",outcome="rejected",code="NAME_CONFLICT",service="storage-service"} 1');
    expect(storage).toMatch(/certhub_bus_lag_messages\{consumer="storage-service",service="storage-service"\} 0/);
    expect(storage).toContain(`${series} ${Math.floor(cert.notAfter.getTime() / 1_000)}`);
    // Beyond the largest threshold (30 days): counted, but no series of its own.
    expect(storage).not.toContain('name="later"');
    expect(storage).toContain('certhub_certificates_expiring{within_days="14",service="storage-service"} 1');
    expect(storage).toContain('certhub_certificates_expiring{within_days="7",service="storage-service"} 0');

    expect(await scrape(`${env.stack.healthUrl('parser')}/metrics`)).toMatch(/certhub_bus_lag_messages\{consumer="parser-service",service="parser-service"\} 0/);
  });

  it('count the requests the body parsers refuse (too large, not JSON, another charset) by dialect and status', async () => {
    const team = await newRainbondTeam(env);
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${env.stack.gatewayUrl}/v3/scm/certificates/import`, { method: 'POST', headers: { 'content-type': contentType, 'x-auth-token': team.token }, body });
    const counted = async (status: number) => {
      const match = new RegExp(`certhub_http_requests_total\\{dialect="huawei-scm",method="POST",status="${status}",service="api-gateway"\\} (\\d+)`).exec(await scrape(`${env.stack.gatewayUrl}/metrics`));
      return Number(match?.[1] ?? 0);
    };
    const [before413, before400] = [await counted(413), await counted(400)];
    expect((await post(JSON.stringify({ name: 'x'.repeat(300_000) }))).status).toBe(413);
    expect((await post('{bad')).status).toBe(400);
    expect((await post('{}', 'application/json; charset=latin1')).status).toBe(400);
    expect([await counted(413), await counted(400)]).toEqual([before413 + 1, before400 + 2]);
  });
});
