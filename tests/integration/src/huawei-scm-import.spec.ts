import {
  chainPemOf,
  createExpiredCertificate,
  createNotYetValidCertificate,
  createTestCertificate,
  createTestChain,
  createTestCsrPem,
  encryptPrivateKeyPem,
  opensslView,
  type TestCertificate,
  type TestChain,
} from '@certhub/testing';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createToken } from './support/credentials';
import { send } from './support/http-client';
import { escapeLineBreaks, expectScmError, scmIdOf, scmImport, SCM_IMPORT_PATH, type ScmImportBody } from './support/huawei-scm-client';
import { injectRejectedOutcome } from './support/injected-outcome';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

const PROJECTS = ['project-ok', 'project-err', 'project-a', 'project-b', 'project-fresh'] as const;
type Project = (typeof PROJECTS)[number];

let env: SuiteEnvironment;
let tokens: Record<Project, string>;
/** Certificates shared by many tests, made once. */
let good: TestCertificate;
let depth2: TestChain;

beforeAll(async () => {
  env = await startSuiteEnvironment();
  const created = await Promise.all(PROJECTS.map((project) => createToken(env, project)));
  tokens = Object.fromEntries(PROJECTS.map((project, index) => [project, created[index]])) as Record<Project, string>;
  good = await createTestCertificate({ keyType: 'p256' });
  depth2 = await createTestChain({ leafKeyType: 'p256', depth: 2 });
});
afterAll(async () => env?.close());

const url = () => env.stack.gatewayUrl;
/** The fields of a stored certificate document these tests read. */
interface StoredCertificate {
  _id: number;
  tenantId: string;
  name: string;
  certificatePem: string;
  chainPem: string[];
  metadata: Record<string, unknown>;
}
const certificates = () => env.db.collection<StoredCertificate>('certificates');
const stored = (tenantId: Project, filter: Partial<StoredCertificate> = {}) => certificates().find({ tenantId, ...filter }).toArray();
const uniqueName = () => `n-${randomUUID().slice(0, 8)}`;
const bodyOf = (cert: TestCertificate, extra: Partial<ScmImportBody> = {}): ScmImportBody => ({
  name: uniqueName(),
  certificate: cert.certificatePem,
  certificate_chain: '',
  private_key: cert.privateKeyPem,
  ...extra,
});
const KEY_TYPE = { rsa2048: 'RSA', p256: 'EC', ed25519: 'Ed25519' } as const;

describe('Huawei SCM: import certificate (POST /v3/scm/certificates/import)', () => {
  describe.each(['rsa2048', 'p256', 'ed25519'] as const)('a %s certificate', (keyType) => {
    let chain: TestChain;
    beforeAll(async () => {
      chain = await createTestChain({ leafKeyType: keyType, depth: 1, leaf: { commonName: 'shop.example.com', sans: ['shop.example.com', 'www.shop.example.com'] } });
    });

    it('with its intermediate in certificate_chain: 200 and the 16-character id of what was stored', async () => {
      const name = `chain-${keyType}`;
      const answer = await scmImport(url(), tokens['project-ok'], {
        name, certificate: chain.leaf.certificatePem, certificate_chain: chainPemOf(chain), private_key: chain.leaf.privateKeyPem,
      });

      expect(answer.status).toBe(200);
      const [doc, ...others] = await stored('project-ok', { name });
      expect(others).toHaveLength(0);
      expect(answer.body).toEqual({ certificate_id: scmIdOf(doc._id) });
      expect((answer.body as { certificate_id: string }).certificate_id).toMatch(/^scs\d{13}$/);
      expect(doc.chainPem.map((pem) => pem.trim())).toEqual([chain.intermediates[0].certificatePem.trim()]);
      const openssl = opensslView(chain.leaf.certificatePem);
      expect(doc.metadata).toMatchObject({
        serialNumberHex: chain.leaf.serialNumberHex,
        fingerprintSha256: openssl.fingerprintSha256,
        subject: { text: openssl.subject },
        issuer: { text: openssl.issuer },
        subjectAltNames: { dns: openssl.subjectAltNames.map((entry) => entry.replace(/^DNS:/, '')) },
        publicKey: { type: KEY_TYPE[keyType] },
      });
    });

    it('with an empty certificate_chain: 200, stored without a chain', async () => {
      const name = `alone-${keyType}`;
      const answer = await scmImport(url(), tokens['project-ok'], {
        name, certificate: chain.leaf.certificatePem, certificate_chain: '', private_key: chain.leaf.privateKeyPem,
      });

      expect(answer.status).toBe(200);
      const [doc] = await stored('project-ok', { name });
      expect(answer.body).toEqual({ certificate_id: scmIdOf(doc._id) });
      expect(doc.chainPem).toEqual([]);
    });
  });

  it('accepts line breaks sent as the literal escapes \\n and \\r\\n, as the documentation asks', async () => {
    const chain = await createTestChain({ leafKeyType: 'p256', depth: 1 });
    const name = uniqueName();
    const body = {
      name,
      certificate: escapeLineBreaks(chain.leaf.certificatePem, '\\r\\n'),
      certificate_chain: escapeLineBreaks(chainPemOf(chain), '\\n'),
      private_key: escapeLineBreaks(chain.leaf.privateKeyPem, '\\n'),
    };
    expect(body.certificate).not.toContain('\n');
    expect(body.private_key).toContain('\\n');

    const answer = await scmImport(url(), tokens['project-ok'], body);

    expect(answer.status).toBe(200);
    const [doc] = await stored('project-ok', { name });
    expect(doc.certificatePem.trim()).toBe(chain.leaf.certificatePem.trim());
    expect(doc.chainPem.map((pem) => pem.trim())).toEqual([chain.intermediates[0].certificatePem.trim()]);
  });

  it('names a certificate sent with an empty name cert-<16 hex>, a different name per request', async () => {
    const first = await scmImport(url(), tokens['project-ok'], bodyOf(good, { name: '' }));
    const second = await scmImport(url(), tokens['project-ok'], bodyOf(good, { name: '' }));

    expect([first.status, second.status]).toEqual([200, 200]);
    const ids = [first, second].map((answer) => Number((answer.body as { certificate_id: string }).certificate_id.slice(3)));
    const docs = await Promise.all(ids.map((id) => certificates().findOne({ _id: id })));
    const names = docs.map((doc) => doc?.name);
    expect(names[0]).toMatch(/^cert-[0-9a-f]{16}$/);
    expect(names[1]).toMatch(/^cert-[0-9a-f]{16}$/);
    expect(names[0]).not.toBe(names[1]);
  });

  it('answers a retry with the same Idempotency-Key (and an empty name) with the same id, storing once', async () => {
    const headers = { 'Idempotency-Key': `scm-retry-${randomUUID()}` };
    const body = bodyOf(good, { name: '' });

    const first = await scmImport(url(), tokens['project-ok'], body, headers);
    const second = await scmImport(url(), tokens['project-ok'], body, headers);

    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: first.body });
    const id = Number((first.body as { certificate_id: string }).certificate_id.slice(3));
    const [doc] = await stored('project-ok', { _id: id });
    expect(await stored('project-ok', { name: doc.name })).toHaveLength(1);
  });

  it('accepts X-Project-Id naming the token own project', async () => {
    const body = bodyOf(good);
    const answer = await scmImport(url(), tokens['project-a'], body, { 'X-Project-Id': 'project-a' });

    expect(answer.status).toBe(200);
    expect(await stored('project-a', { name: body.name })).toHaveLength(1);
  });

  describe('projects are isolated', () => {
    it('403 SCM.0003: a project A token cannot import into project B, and nothing is stored anywhere', async () => {
      const body = bodyOf(good);

      const answer = await scmImport(url(), tokens['project-a'], body, { 'X-Project-Id': 'project-b' });

      expectScmError(answer, 403, 'SCM.0003', 'Tenant has no privilege.');
      expect(await stored('project-a', { name: body.name })).toHaveLength(0);
      expect(await stored('project-b', { name: body.name })).toHaveLength(0);
    });

    it('the same name succeeds in two projects, each certificate stored only in its own', async () => {
      const body = bodyOf(good, { name: 'shared-name' });

      const inA = await scmImport(url(), tokens['project-a'], body);
      expect(await stored('project-b', { name: 'shared-name' })).toHaveLength(0);
      const inB = await scmImport(url(), tokens['project-b'], body);

      expect([inA.status, inB.status]).toEqual([200, 200]);
      expect(inA.body).not.toEqual(inB.body);
      const [docA, ...moreA] = await stored('project-a', { name: 'shared-name' });
      const [docB, ...moreB] = await stored('project-b', { name: 'shared-name' });
      expect([moreA, moreB]).toEqual([[], []]);
      expect(inA.body).toEqual({ certificate_id: scmIdOf(docA._id) });
      expect(inB.body).toEqual({ certificate_id: scmIdOf(docB._id) });
    });
  });

  describe('409', () => {
    it('SCM.9005 when the name is taken in the project; one certificate stays', async () => {
      const body = bodyOf(good);
      expect((await scmImport(url(), tokens['project-ok'], body)).status).toBe(200);

      expectScmError(await scmImport(url(), tokens['project-ok'], body), 409, 'SCM.9005', 'A certificate with this name already exists');
      expect(await stored('project-ok', { name: body.name })).toHaveLength(1);
    });

    it('SCM.9006 when an Idempotency-Key is reused for another certificate', async () => {
      const headers = { 'Idempotency-Key': `scm-reuse-${randomUUID()}` };
      const first = bodyOf(good);
      const other = bodyOf(await createTestCertificate({ keyType: 'p256' }));
      expect((await scmImport(url(), tokens['project-ok'], first, headers)).status).toBe(200);

      expectScmError(await scmImport(url(), tokens['project-ok'], other, headers), 409, 'SCM.9006', 'The Idempotency-Key was already used');
      expect(await stored('project-ok', { name: other.name })).toHaveLength(0);
    });
  });

  describe('errors in SCM form, nothing stored', () => {
    const errToken = () => tokens['project-err'];
    type Case = [string, () => Promise<{ token: string | null; body: unknown; headers?: Record<string, string> }>, number, string, string];
    const withBody = (make: () => Promise<unknown> | unknown) => async () => ({ token: errToken(), body: await make() });
    const otherKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const SCM_0005 = 'Incorrect request parameter.';

    const cases: Case[] = [
      ['no X-Auth-Token', async () => ({ token: null, body: bodyOf(good) }), 401, 'APIG.0301', 'Incorrect IAM authentication information: x-auth-token not found.'],
      ['an unknown token', async () => ({ token: `cht_${'x'.repeat(43)}`, body: bodyOf(good) }), 401, 'APIG.0301', 'Incorrect IAM authentication information: the token is not valid.'],
      ['a token shorter than 32 characters', async () => ({ token: 'short', body: bodyOf(good) }), 401, 'APIG.0301', 'Incorrect IAM authentication information:'],
      ['a missing private_key', withBody(() => ({ name: 'x', certificate: good.certificatePem, certificate_chain: '' })), 400, 'SCM.0005', `${SCM_0005} private_key is mandatory.`],
      ['a numeric name', withBody(() => bodyOf(good, { name: 42 as unknown as string })), 400, 'SCM.0005', `${SCM_0005} name must be a string.`],
      ['{"$gt":""} as name', withBody(() => bodyOf(good, { name: { $gt: '' } as unknown as string })), 400, 'SCM.0005', `${SCM_0005} name must be a string.`],
      ['{"$gt":""} as certificate_chain', withBody(() => bodyOf(good, { certificate_chain: { $gt: '' } as unknown as string })), 400, 'SCM.0005', `${SCM_0005} certificate_chain must be a string.`],
      ['{"$gt":""} as private_key', withBody(() => bodyOf(good, { private_key: { $gt: '' } as unknown as string })), 400, 'SCM.0005', `${SCM_0005} private_key must be a string.`],
      ['a JSON array body', withBody(() => [bodyOf(good)]), 400, 'SCM.0005', `${SCM_0005} The request body must be a JSON object.`],
      ['a body that is not JSON', withBody(() => '{"name": '), 400, 'SCM.0005', `${SCM_0005} The request body is not valid JSON.`],
      ['a name of 64 characters', withBody(() => bodyOf(good, { name: 'n'.repeat(64) })), 400, 'SCM.0005', `${SCM_0005} name must be at most 63 characters (got 64).`],
      ['a certificate of 4097 characters', withBody(() => bodyOf(good, { certificate: good.certificatePem.padEnd(4097, ' ') })), 400, 'SCM.0005', `${SCM_0005} certificate must be at most 4096 characters (got 4097).`],
      ['a certificate_chain of 8193 characters', withBody(() => bodyOf(good, { certificate_chain: chainPemOf(depth2).padEnd(8193, ' ') })), 400, 'SCM.0005', `${SCM_0005} certificate_chain must be at most 8192 characters (got 8193).`],
      ['a private_key of 4097 characters', withBody(() => bodyOf(good, { private_key: good.privateKeyPem.padEnd(4097, ' ') })), 400, 'SCM.0005', `${SCM_0005} private_key must be at most 4096 characters (got 4097).`],
      ['an invalid Idempotency-Key', async () => ({ token: errToken(), body: bodyOf(good), headers: { 'Idempotency-Key': '-bad key-' } }), 400, 'SCM.0005', `${SCM_0005} Idempotency-Key must be`],
      ['garbage as certificate', withBody(() => bodyOf(good, { certificate: 'not a certificate' })), 400, 'SCM.0006', 'The uploaded certificate failed to be resolved.'],
      ['an empty certificate', withBody(() => bodyOf(good, { certificate: '' })), 400, 'SCM.0006', 'The uploaded certificate failed to be resolved. Ensure that the uploaded certificate has been issued. The certificate is empty.'],
      ['a CSR as certificate', async () => ({ token: errToken(), body: bodyOf(good, { certificate: await createTestCsrPem() }) }), 400, 'SCM.0006', 'The uploaded certificate failed to be resolved.'],
      ['garbage as private key', withBody(() => bodyOf(good, { private_key: 'not a key' })), 400, 'SCM.0012', 'The uploaded private key failed to be resolved.'],
      ['an empty private key', withBody(() => bodyOf(good, { private_key: '' })), 400, 'SCM.0012', 'The uploaded private key failed to be resolved. Ensure that the certificate has been issued. The private key is empty.'],
      ['garbage as certificate_chain', withBody(() => bodyOf(depth2.leaf, { certificate_chain: 'not a chain' })), 400, 'SCM.0013', 'The uploaded certificate chain failed to be resolved.'],
      ['the key of another certificate', withBody(() => bodyOf(good, { private_key: otherKey() })), 400, 'SCM.0014', 'The uploaded certificate does not match the private key.'],
      ['a chain that does not issue the certificate', withBody(() => bodyOf(depth2.leaf, { certificate_chain: good.certificatePem })), 400, 'SCM.0079', 'The subject of the CA certificate does not match the issuer of the certificate.'],
      ['a chain in the wrong order', withBody(() => bodyOf(depth2.leaf, { certificate_chain: depth2.intermediates.map((cert) => cert.certificatePem).join('') })), 400, 'SCM.0079', 'The subject of the CA certificate does not match the issuer of the certificate. The certificate chain is in the wrong order'],
      ['an expired certificate', async () => ({ token: errToken(), body: bodyOf(await createExpiredCertificate()) }), 400, 'SCM.9001', 'The certificate has expired.'],
      ['a certificate not yet valid', async () => ({ token: errToken(), body: bodyOf(await createNotYetValidCertificate()) }), 400, 'SCM.9002', 'The certificate is not yet valid.'],
      ['a P-521 certificate', async () => ({ token: errToken(), body: bodyOf(await createTestCertificate({ keyType: 'p521' })) }), 400, 'SCM.9003', 'The key algorithm of the certificate is not supported.'],
      ['a password-protected key', withBody(() => bodyOf(good, { private_key: encryptPrivateKeyPem(good.privateKeyPem, 'secret') })), 400, 'SCM.9004', 'The private key is protected by a password.'],
      ['a body over the size limit', withBody(() => bodyOf(good, { certificate: 'A'.repeat(300_000) })), 413, 'APIG.0201', 'Request entity too large.'],
    ];

    it.each(cases)('%s', async (_label, make, status, errorCode, msgStart) => {
      const { token, body, headers } = await make();

      expectScmError(await scmImport(url(), token, body, headers), status, errorCode, msgStart);
      expect(await stored('project-err')).toHaveLength(0);
    });

    it.each([
      ['POST', `${SCM_IMPORT_PATH}s`],
      ['GET', SCM_IMPORT_PATH],
    ] as const)('404 APIG.0101 for %s %s', async (method, path) => {
      const answer = await send(method, `${url()}${path}`, method === 'POST' ? bodyOf(good) : undefined, { 'X-Auth-Token': errToken() });
      expectScmError(answer, 404, 'APIG.0101', 'The API does not exist or has not been published in the environment.');
    });
  });

  describe('when the system fails', () => {
    it('500 SCM.9500 when the pipeline reports an internal failure for the request', async () => {
      // Nothing certhub does on purpose fails internally, so the failure is injected the way it would
      // travel: as the request's rejected outcome on the bus, while the parser is stopped and cannot answer first.
      await env.stack.stop('parser');
      try {
        const requestId = `scm-internal-${randomUUID()}`;
        const answering = scmImport(url(), tokens['project-err'], bodyOf(good, { certificate: 'refused by the parser later' }), { 'Idempotency-Key': requestId });
        await injectRejectedOutcome(env, { requestId, tenantId: 'project-err', code: 'INTERNAL', message: 'The certificate could not be checked.' });

        expectScmError(await answering, 500, 'SCM.9500', 'System error. The certificate could not be checked.');
        expect(await stored('project-err')).toHaveLength(0);
      } finally {
        await env.stack.start('parser');
      }
    });

    it('503 SCM.9503 when the token cannot be checked because storage is down', async () => {
      await env.stack.kill('storage');
      try {
        // A token the gateway has never seen, so no cached answer hides the outage.
        const answer = await scmImport(url(), tokens['project-fresh'], bodyOf(good));
        expectScmError(answer, 503, 'SCM.9503', 'The service is temporarily unavailable.');
      } finally {
        await env.stack.start('storage');
      }
      expect(await stored('project-fresh')).toHaveLength(0);
    });
  });
});
