import { createTestCertificate } from '@certhub/testing';
import { newRainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

const scrape = async (url: string) => (await fetch(url)).text();

describe('Prometheus metrics', () => {
  it('count requests and outcomes by code, show bus lag and each certificate expiry', async () => {
    const team = await newRainbondTeam(env);
    const cert = await createTestCertificate({ keyType: 'p256' });
    const body = { alias: 'metered', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };
    const created = await team.add(body);
    expect((await team.add(body)).status).toBe(412);

    const gateway = await scrape(`${env.stack.gatewayUrl}/metrics`);
    expect(gateway).toMatch(/certhub_http_requests_total\{dialect="rainbond",method="POST",status="200",service="api-gateway"\} 1/);
    expect(gateway).toMatch(/certhub_http_requests_total\{dialect="rainbond",method="POST",status="412",service="api-gateway"\} 1/);

    const storage = await scrape(`${env.stack.healthUrl('storage')}/metrics`);
    expect(storage).toContain('certhub_outcomes_total{operation="create",outcome="created",code="",service="storage-service"} 1');
    expect(storage).toContain('certhub_outcomes_total{operation="create",outcome="rejected",code="NAME_CONFLICT",service="storage-service"} 1');
    expect(storage).toMatch(/certhub_bus_lag_messages\{consumer="storage-service",service="storage-service"\} 0/);
    const id = (created.body as { id: number }).id;
    expect(storage).toContain(
      `certhub_certificate_not_after_timestamp_seconds{tenant="${team.id}",certificate_id="${id}",name="metered",service="storage-service"} ${Math.floor(cert.notAfter.getTime() / 1_000)}`,
    );

    expect(await scrape(`${env.stack.healthUrl('parser')}/metrics`)).toMatch(/certhub_bus_lag_messages\{consumer="parser-service",service="parser-service"\} 0/);
  });
});
