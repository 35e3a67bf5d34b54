import { createTestCertificate, createTestCsrPem } from '@certhub/testing';
import { request } from 'node:http';
import { expectRainbondError } from './support/rainbond-assertions';
import { newRainbondTeam, type RainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let team: RainbondTeam;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  team = await newRainbondTeam(env);
});
afterAll(async () => env?.close());

const stored = () => env.db.collection('certificates').countDocuments({ tenantId: team.id });

/** Sends raw bytes, as a broken or hostile client would, bypassing fetch's own encoding. */
function sendRaw(body: Buffer): Promise<{ status: number; body: unknown }> {
  const url = new URL(`${env.stack.gatewayUrl}/openapi/v1/teams/${team.id}/certificates`);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', authorization: team.token } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('hostile request bodies, answered in the API format with nothing stored', () => {
  it('refuses a body over HTTP_BODY_LIMIT_BYTES (256 KiB) with 413 before parsing it', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const answer = await team.add({ alias: 'big', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'x'.repeat(300_000) });
    expectRainbondError(answer, 413, 'invalid parameters');
    expect(await stored()).toBe(0);
  });

  it('answers deeply nested JSON with 400 and stays up', async () => {
    const nested = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const answer = await sendRaw(Buffer.from(`{"alias": ${nested}}`));
    expect(answer.status).toBe(400);
    expect((await fetch(`${env.stack.gatewayUrl}/health/live`)).status).toBe(200);
    expect(await stored()).toBe(0);
  });

  it('answers JSON that is not an object (null, a number, a string, an array) with 400 saying so', async () => {
    for (const body of ['null', '42', '"text"', '[]', ' null ']) {
      const answer = await sendRaw(Buffer.from(body));
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('The request body must be a JSON object.');
    }
    // Not valid JSON at all is still called that.
    expect(JSON.stringify((await sendRaw(Buffer.from('nul'))).body)).toContain('not valid JSON');
    expect(await stored()).toBe(0);
  });

  it('answers invalid UTF-8 with 400', async () => {
    const answer = await sendRaw(Buffer.concat([Buffer.from('{"alias": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]));
    expect(answer.status).toBe(400);
    expect(await stored()).toBe(0);
  });

  it('answers NoSQL operators in every string field with 400', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    const valid = { alias: 'ops', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' };
    for (const field of Object.keys(valid)) {
      const answer = await team.add({ ...valid, [field]: { $gt: '' } });
      expectRainbondError(answer, 400, field);
    }
    expect(await stored()).toBe(0);
  });

  it('answers a private key or a CSR in the certificate field, or two keys, with the certificate/key errors, whatever text surrounds them', async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    expectRainbondError(await team.add({ alias: 'k', private_key: cert.privateKeyPem, certificate: cert.privateKeyPem, certificate_type: 's' }), 400, 'the certificate is invalid');
    expectRainbondError(await team.add({ alias: 'k', private_key: `${cert.privateKeyPem}${cert.privateKeyPem}`, certificate: cert.certificatePem, certificate_type: 's' }), 400, 'the private key is invalid');
    expectRainbondError(await team.add({ alias: 'k', private_key: cert.privateKeyPem, certificate: `subject=CN = csr.example\n${await createTestCsrPem()}trailing words`, certificate_type: 's' }), 400, 'the certificate is invalid');
    expect(await stored()).toBe(0);
  });
});
