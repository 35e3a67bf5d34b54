import { createTestCertificate, createTestChain, encryptPrivateKeyPem, type TestChain } from '@certhub/testing';
import { validateUpload } from './index';

let chain: TestChain;
beforeAll(async () => {
  chain = await createTestChain({ depth: 2, leaf: { notAfter: new Date(Date.now() + 3.5 * 86_400_000) } });
});
const [lower, upper] = [() => chain.intermediates[1], () => chain.intermediates[0]];

describe('validateUpload (the dry run)', () => {
  it('lists every problem of a broken upload at once, each with its field and how to fix it, and the metadata', async () => {
    // The key of the intermediate, the chain upside down, a leaf expiring in 3 days.
    const report = await validateUpload({
      certificate: chain.leaf.certificatePem,
      privateKey: lower().privateKeyPem,
      chain: upper().certificatePem + lower().certificatePem,
    });

    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      { code: 'KEY_MISMATCH', severity: 'error', field: 'privateKey', message: expect.stringMatching(`it is the key of one of its issuers, "CN=${lower().commonName}"`) },
      { code: 'CHAIN_ORDER_INVALID', severity: 'error', field: 'chain', message: expect.stringMatching(`Put the chain certificates in this order: 1. "CN=${lower().commonName}", 2. "CN=${upper().commonName}"`) },
      { code: 'CERT_EXPIRES_SOON', severity: 'warning', field: 'certificate', message: expect.stringMatching(/^The certificate expires in 3 days .*renew it/) },
    ]);
    expect(report.metadata).toMatchObject({ commonName: chain.leaf.commonName });
    expect(report.chain).toHaveLength(2);
  });

  it('reports problems of independent fields side by side: a bad chain field and an encrypted key', async () => {
    const report = await validateUpload({ certificate: chain.leaf.certificatePem, privateKey: encryptPrivateKeyPem(chain.leaf.privateKeyPem, 'p'), chain: 'garbage' });
    expect(report.problems.map(({ code, field }) => [code, field])).toEqual([
      ['KEY_ENCRYPTED', 'privateKey'],
      ['CHAIN_PARSE_FAILED', 'chain'],
      ['CERT_EXPIRES_SOON', 'certificate'],
    ]);
  });

  it('names the passphrase when it is the one at fault', async () => {
    const report = await validateUpload({ certificate: chain.leaf.certificatePem, privateKey: encryptPrivateKeyPem(chain.leaf.privateKeyPem, 'p'), chain: lower().certificatePem + upper().certificatePem, passphrase: 'q' });
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([{ code: 'KEY_ENCRYPTED', severity: 'error', field: 'passphrase', message: expect.stringMatching(/passphrase does not open/) }]);
  });

  it('is valid with a warning when the issuer is missing, naming it', async () => {
    const report = await validateUpload({ certificate: chain.leaf.certificatePem, privateKey: chain.leaf.privateKeyPem });
    expect(report.valid).toBe(true);
    expect(report.problems).toContainEqual({ code: 'CHAIN_INCOMPLETE', severity: 'warning', field: 'chain', message: expect.stringContaining(`issued by "CN=${lower().commonName}"`) });
  });

  it('is valid with no problem for a good upload, and reports no metadata for a certificate it cannot read', async () => {
    const good = await createTestCertificate();
    expect(await validateUpload({ certificate: good.certificatePem, privateKey: good.privateKeyPem })).toEqual({ valid: true, problems: [], metadata: expect.any(Object), chain: [] });
    const unreadable = await validateUpload({ certificate: 'nope', privateKey: good.privateKeyPem });
    expect(unreadable).toMatchObject({ valid: false, metadata: null, problems: [{ code: 'CERT_PARSE_FAILED', field: 'certificate' }] });
  });
});
