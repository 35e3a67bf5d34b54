import { createOpensslCertificate, createTestCertificate, type TestKeyType } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { apigFieldsFromOpenssl, newApigProject, type ApigProject } from './support/huawei-apig-project';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
let project: ApigProject;
beforeAll(async () => {
  env = await startSuiteEnvironment();
  project = await newApigProject(env);
});
afterAll(async () => env?.close());

const storedNamed = (name: string) => env.db.collection('certificates').findOne({ tenantId: project.id, name });
const SECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

interface Upload {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly trustedRootCa?: string;
}

async function testCertificate(keyType: TestKeyType): Promise<Upload> {
  return createTestCertificate({ keyType, commonName: `${keyType}.apig.example.com`, sans: [`${keyType}.apig.example.com`, `*.${keyType}.san.example`] });
}

/** An RSA server certificate with every subject attribute, issued by a CA whose Organization APIG shows as issuer. */
async function rsaWithTrustedRoot(): Promise<Upload> {
  const root = await createTestCertificate({ keyType: 'rsa2048', isCa: true, commonName: 'XXSSL Root', subject: { O: 'XXSSL Inc', C: 'CN' } });
  const leaf = await createTestCertificate({
    keyType: 'rsa2048', issuer: root, commonName: 'apigtest.example.com', sans: ['apigtest.example.com', '*.san.example.com'],
    subject: { C: 'CN', ST: 'Guangdong', L: 'Shenzhen', O: 'Certhub QA', OU: 'IT' },
  });
  return { ...leaf, trustedRootCa: root.certificatePem };
}

/** RSASSA-PSS signature (SHA-256, 32-byte salt) by an RSA CA: Go's SHA256-RSAPSS. Only OpenSSL can make it. */
async function rsaPssSigned(): Promise<Upload> {
  const ca = createOpensslCertificate({ key: 'rsa:2048', subject: '/O=PSS Trust/CN=PSS CA', extensions: ['basicConstraints=critical,CA:TRUE'] });
  return createOpensslCertificate({
    key: 'rsa:2048', subject: '/C=DE/O=PSS Org/CN=pss.example.com', issuer: ca, extensions: ['subjectAltName=DNS:pss.example.com'],
    signing: ['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:digest'],
  });
}

describe('Huawei APIG: create SSL certificate (POST /v2/{project_id}/apigw/certificates)', () => {
  it.each([
    ['rsa_with_root', rsaWithTrustedRoot, 'SHA256-RSA', 'RSA'],
    ['ec_p256', () => testCertificate('p256'), 'ECDSA-SHA256', 'ECC'],
    ['ec_p384', () => testCertificate('p384'), 'ECDSA-SHA384', 'ECC'],
    ['ed25519_cert', () => testCertificate('ed25519'), 'Ed25519', 'ECC'],
    ['rsa_pss_cert', rsaPssSigned, 'SHA256-RSAPSS', 'RSA'],
  ] as const)('stores %s and answers every documented field, agreeing with openssl x509', async (name, make, signatureAlgorithm, algorithmType) => {
    const upload = await make();
    const body = { name, cert_content: upload.certificatePem, private_key: upload.privateKeyPem, trusted_root_ca: upload.trustedRootCa };

    const answer = await project.create(body);

    expect(answer.status).toBe(200);
    const stored = await storedNamed(name);
    expect(stored).toMatchObject({ tenantId: project.id, labels: { type: 'global' } });
    expect(answer.body).toEqual({
      id: stored?.['uid'],
      name,
      type: 'global',
      instance_id: 'common',
      project_id: project.id,
      create_time: expect.stringMatching(SECONDS_UTC),
      update_time: expect.stringMatching(SECONDS_UTC),
      is_has_trusted_root_ca: upload.trustedRootCa !== undefined,
      // Not in Table 4; the current CreateCertificateV2Response model has it.
      algorithm_type: algorithmType,
      ...apigFieldsFromOpenssl(upload.certificatePem),
    });
    const response = answer.body as Record<string, unknown>;
    expect(response['id']).toMatch(/^[0-9a-f]{32}$/);
    expect(response['signature_algorithm']).toBe(signatureAlgorithm);
    expect(response['version']).toBe(3);
    expect(response['create_time']).toBe((stored?.['createdAt'] as Date).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });

  it('shows the issuer\'s Organization and the subject attributes as lists, as in Huawei\'s example', async () => {
    const upload = await rsaWithTrustedRoot();

    const answer = await project.create({ name: 'rsa_lists', cert_content: upload.certificatePem, private_key: upload.privateKeyPem });

    expect(answer.body).toMatchObject({
      common_name: 'apigtest.example.com', san: ['apigtest.example.com', '*.san.example.com'], issuer: ['XXSSL Inc'],
      organization: ['Certhub QA'], organizational_unit: ['IT'], locality: ['Shenzhen'], state: ['Guangdong'], country: ['CN'],
      is_has_trusted_root_ca: false,
    });
  });

  it('stores a gateway certificate with its type and instance_id as labels', async () => {
    const cert = await testCertificate('p256');
    const instanceId = 'f0fa1789-3b76-433b-a787-9892951c620e';

    const answer = await project.create({ name: 'gw_cert', cert_content: cert.certificatePem, private_key: cert.privateKeyPem, type: 'instance', instance_id: instanceId });

    expect(answer.body).toMatchObject({ type: 'instance', instance_id: instanceId, project_id: project.id });
    expect(await storedNamed('gw_cert')).toMatchObject({ labels: { type: 'instance', instance_id: instanceId } });
  });

  it('accepts PEM as Huawei\'s example sends it: in single quotes with escaped \\n line ends', async () => {
    const cert = await testCertificate('ed25519');
    const quoted = (pem: string) => `'${pem.trim().replace(/\n/g, '\\n')}\\n'`;

    const answer = await project.create({ name: 'quoted_pem', cert_content: quoted(cert.certificatePem), private_key: quoted(cert.privateKeyPem) });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject(apigFieldsFromOpenssl(cert.certificatePem));
  });

  it('answers a retry with the same Idempotency-Key with the stored certificate, storing it once', async () => {
    const cert = await testCertificate('p256');
    const body = { name: 'retried', cert_content: cert.certificatePem, private_key: cert.privateKeyPem };
    const headers = { 'Idempotency-Key': `apig-${randomUUID()}` };

    const first = await project.create(body, headers);
    const second = await project.create(body, headers);

    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    expect(await env.db.collection('certificates').countDocuments({ tenantId: project.id, name: 'retried' })).toBe(1);
  });
});
