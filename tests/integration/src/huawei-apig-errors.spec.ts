import {
  createExpiredCertificate, createNotYetValidCertificate, createTestCertificate, createTestCsrPem, encryptPrivateKeyPem, type TestCertificate,
} from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { send } from './support/http-client';
import { apigCertificatesUrl, expectApigError, newApigProject, type ApigProject } from './support/huawei-apig-project';
import { injectRejectedOutcome } from './support/injected-outcome';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let project: ApigProject;
let other: ApigProject;
let cert: TestCertificate;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  [project, other] = [await newApigProject(env), await newApigProject(env)];
  cert = await createTestCertificate({ keyType: 'p256' });
});
afterAll(async () => env?.close());

const storedCount = (projectId: string) => env.db.collection('certificates').countDocuments({ tenantId: projectId });
const valid = (name: string) => ({ name, cert_content: cert.certificatePem, private_key: cert.privateKeyPem });

describe('Huawei APIG: create SSL certificate, errors in Huawei\'s form', () => {
  describe('tokens and projects', () => {
    it('401 APIG.1000 without X-Auth-Token', async () => {
      expectApigError(await send('POST', apigCertificatesUrl(env.stack.gatewayUrl, project.id), valid('no_token')), 401, 'APIG.1000', 'The token is missing');
    });

    it('401 APIG.1002 for a token certhub never issued', async () => {
      expectApigError(await project.create(valid('bad_token'), { 'X-Auth-Token': 'not-a-token' }), 401, 'APIG.1002', 'Incorrect token or token resolution failed');
    });

    it('403 APIG.1005 for a token of another project, storing nothing for either project', async () => {
      const crossTenant = await send('POST', apigCertificatesUrl(env.stack.gatewayUrl, other.id), valid('cross_tenant'), { 'X-Auth-Token': project.token });

      expectApigError(crossTenant, 403, 'APIG.1005', 'No permissions to request this method');
      expect(await env.db.collection('certificates').countDocuments({ name: 'cross_tenant' })).toBe(0);
      expect([await storedCount(project.id), await storedCount(other.id)]).toEqual([0, 0]);
    });
  });

  describe('parameters: 400 with the APIG.20xx code for the problem, nothing stored', () => {
    const cases: Array<[string, () => unknown, string, string]> = [
      ['an array body', () => [valid('in_array')], 'APIG.2000', 'JSON object'],
      ['a body that is not JSON', () => 'name=x&cert_content=y', 'APIG.2000', 'not valid JSON'],
      ['no body', () => undefined, 'APIG.2001', 'parameterName:body'],
      ['an empty body sent as JSON', () => '', 'APIG.2001', 'parameterName:body'],
      ['a missing name', () => ({ cert_content: cert.certificatePem, private_key: cert.privateKeyPem }), 'APIG.2001', 'parameterName:name'],
      ['a missing private_key', () => ({ name: 'no_key', cert_content: cert.certificatePem }), 'APIG.2001', 'parameterName:private_key'],
      ['type instance without instance_id', () => ({ ...valid('no_gateway'), type: 'instance' }), 'APIG.2001', 'parameterName:instance_id'],
      ['an unknown type', () => ({ ...valid('bad_type'), type: 'regional' }), 'APIG.2004', 'parameterName:type'],
      ['a 3-character name', () => valid('abc'), 'APIG.2005', 'parameterName:name'],
      ['a 51-character name', () => valid(`n${'x'.repeat(50)}`), 'APIG.2006', 'parameterName:name'],
      ['a name starting with a digit', () => valid('1cert'), 'APIG.2011', 'parameterName:name'],
      ['{"$gt": ""} as name', () => ({ ...valid('x'), name: { $gt: '' } }), 'APIG.2011', 'parameterName:name'],
      ['{"$gt": ""} as cert_content', () => ({ ...valid('gt_cert'), cert_content: { $gt: '' } }), 'APIG.2011', 'parameterName:cert_content'],
      ['a number as private_key', () => ({ ...valid('num_key'), private_key: 42 }), 'APIG.2011', 'parameterName:private_key'],
      ['a malformed instance_id', () => ({ ...valid('bad_gw'), type: 'instance', instance_id: '../gw' }), 'APIG.2012', 'parameterName:instance_id'],
    ];

    it.each(cases)('%s', async (_label, makeBody, code, fragment) => {
      const body = makeBody();
      const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'application/json' } : {};

      expectApigError(await project.create(body, headers), 400, code, fragment);
      expect(await storedCount(project.id)).toBe(0);
    });

    it('a form-encoded body is not taken for JSON parameters: APIG.2000', async () => {
      const form = await send('POST', apigCertificatesUrl(env.stack.gatewayUrl, project.id), 'name=form_cert&cert_content=x&private_key=y', {
        'X-Auth-Token': project.token, 'content-type': 'application/x-www-form-urlencoded',
      });
      expectApigError(form, 400, 'APIG.2000', 'must be JSON');
    });
  });

  describe('certificate and key checks: Huawei\'s APIG.21xx codes, nothing stored', () => {
    const cases: Array<[string, () => Promise<Record<string, unknown>>, string]> = [
      ['the key of another certificate (APIG.2101)', async () => ({ ...valid('mismatch'), private_key: (await createTestCertificate({ keyType: 'p256' })).privateKeyPem }), 'APIG.2101'],
      ['a correctly ordered fullchain with the key of the CA (APIG.2101)', async () => { const { leaf, ca } = await issued(); return { name: 'issuer_key', cert_content: leaf.certificatePem + ca.certificatePem, private_key: ca.privateKeyPem }; }, 'APIG.2101'],
      ['an expired certificate (APIG.2102)', async () => { const c = await createExpiredCertificate(); return { name: 'expired', cert_content: c.certificatePem, private_key: c.privateKeyPem }; }, 'APIG.2102'],
      ['the CA before the server certificate (APIG.2104)', async () => { const { leaf, ca } = await issued(); return { name: 'ca_first', cert_content: ca.certificatePem + leaf.certificatePem, private_key: leaf.privateKeyPem }; }, 'APIG.2104'],
      ['a chain certificate that did not issue the server certificate (APIG.2104)', async () => { const { leaf } = await issued(); const stranger = await createTestCertificate({ keyType: 'p256', isCa: true }); return { name: 'broken', cert_content: leaf.certificatePem + stranger.certificatePem, private_key: leaf.privateKeyPem }; }, 'APIG.2104'],
      ['a password-protected key (APIG.2105)', async () => ({ ...valid('encrypted'), private_key: encryptPrivateKeyPem(cert.privateKeyPem, 'secret') }), 'APIG.2105'],
      ['garbage as certificate (APIG.2106)', async () => ({ ...valid('garbage'), cert_content: 'not a certificate' }), 'APIG.2106'],
      ['a CSR as certificate (APIG.2106)', async () => ({ ...valid('csr_cert'), cert_content: await createTestCsrPem() }), 'APIG.2106'],
      ['garbage as key (APIG.2106)', async () => ({ ...valid('garbage_key'), private_key: 'not a key' }), 'APIG.2106'],
      ['a certificate not valid yet (APIG.2106)', async () => { const c = await createNotYetValidCertificate(); return { name: 'future', cert_content: c.certificatePem, private_key: c.privateKeyPem }; }, 'APIG.2106'],
      ['an RSA 1024 key (APIG.2106)', async () => { const c = await createTestCertificate({ keyType: 'rsa1024' }); return { name: 'weak_rsa', cert_content: c.certificatePem, private_key: c.privateKeyPem }; }, 'APIG.2106'],
      ['two certificates as trusted root (APIG.2106)', async () => ({ ...valid('two_roots'), trusted_root_ca: cert.certificatePem + (await createTestCertificate({ isCa: true })).certificatePem }), 'APIG.2106'],
    ];

    it.each(cases)('%s', async (_label, makeBody, code) => {
      expectApigError(await project.create(await makeBody()), 400, code);
      expect(await storedCount(project.id)).toBe(0);
    });
  });

  describe('conflicts', () => {
    it('400 APIG.3299 for a name the project already uses; another project may use it', async () => {
      expect((await project.create(valid('taken_name'))).status).toBe(200);

      expectApigError(await project.create(valid('taken_name')), 400, 'APIG.3299', 'The SSL certificate name already exists');
      expect((await other.create(valid('taken_name'))).status).toBe(200);
      expect(await storedCount(project.id)).toBe(1);
    });

    it('409 APIG.2012 for an Idempotency-Key reused for another certificate', async () => {
      const headers = { 'Idempotency-Key': `apig-${randomUUID()}` };
      expect((await other.create(valid('first_use'), headers)).status).toBe(200);

      expectApigError(await other.create(valid('second_use'), headers), 409, 'APIG.2012', 'parameterName:Idempotency-Key');
      expect(await env.db.collection('certificates').countDocuments({ tenantId: other.id, name: 'second_use' })).toBe(0);
    });

    it('404 APIG.9996 for a path APIG does not have', async () => {
      const answer = await send('POST', `${apigCertificatesUrl(env.stack.gatewayUrl, project.id)}/extra`, valid('nowhere'), { 'X-Auth-Token': project.token });
      expectApigError(answer, 404, 'APIG.9996', 'The request URL does not exist');
    });
  });

  describe('failures behind the gateway', () => {
    it('500 APIG.9999 "System error" when the pipeline reports an internal failure, with no detail', async () => {
      const requestId = `apig-internal-${randomUUID()}`;
      await env.stack.stop('parser');
      try {
        const answering = project.create({ ...valid('internal'), cert_content: 'never parsed' }, { 'Idempotency-Key': requestId });
        await injectRejectedOutcome(env, { requestId, tenantId: project.id, code: 'INTERNAL', message: 'boom in a service' });
        const answer = await answering;

        expect(answer).toMatchObject({ status: 500, body: { error_code: 'APIG.9999', error_msg: 'System error' } });
      } finally {
        await env.stack.start('parser');
      }
    });

    it('503 APIG.9992 when credentials cannot be checked (storage down)', async () => {
      const fresh = await newApigProject(env);
      await env.stack.kill('storage');
      try {
        expectApigError(await fresh.create(valid('unavailable')), 503, 'APIG.9992', 'Service unavailable');
      } finally {
        await env.stack.start('storage');
      }
      expect(await storedCount(fresh.id)).toBe(0);
    });
  });
});

/** A P-256 server certificate and the CA that issued it. */
async function issued(): Promise<{ leaf: TestCertificate; ca: TestCertificate }> {
  const ca = await createTestCertificate({ keyType: 'p256', isCa: true });
  return { ca, leaf: await createTestCertificate({ keyType: 'p256', issuer: ca }) };
}
