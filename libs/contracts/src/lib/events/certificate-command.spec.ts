import { createHash } from 'node:crypto';
import { validatePayload } from '../validation/validate-payload';
import { CertificateCreateCommand, CertificateMaterial, TagLimits } from './certificate-command.events';
import { commandContentHash } from './content-hash';

const ids = { requestId: 'r-1', tenantId: 'team-a' };
const pem = { certificate: 'CERT', privateKey: 'KEY' };

describe('the upload in a command: PEM fields or a PKCS#12 bundle', () => {
  it('takes either the PEM fields or pkcs12, each with an optional passphrase', () => {
    expect(validatePayload(CertificateMaterial, { ...ids, ...pem, passphrase: 'p' }).ok).toBe(true);
    expect(validatePayload(CertificateMaterial, { ...ids, pkcs12: 'MIIB', passphrase: 'p', chain: 'PEM' }).ok).toBe(true);
  });

  it('refuses both at once, neither, and a passphrase that is not a bounded string', () => {
    expect(validatePayload(CertificateMaterial, { ...ids, ...pem, pkcs12: 'MIIB' })).toEqual({ ok: false, problems: ['pkcs12 replaces certificate and privateKey: send either pkcs12 or the PEM fields'] });
    expect(validatePayload(CertificateMaterial, { ...ids, privateKey: 'KEY', pkcs12: 'MIIB' }).ok).toBe(false);
    const neither = validatePayload(CertificateMaterial, ids);
    expect(neither.ok ? [] : neither.problems.join('; ')).toMatch(/certificate must be.*privateKey must be/);
    expect(validatePayload(CertificateMaterial, { ...ids, ...pem, passphrase: 1 }).ok).toBe(false);
    expect(validatePayload(CertificateMaterial, { ...ids, ...pem, passphrase: 'x'.repeat(1025) }).ok).toBe(false);
  });
});

describe('tags', () => {
  const command = { ...ids, ...pem, name: 'n' };
  it(`are at most ${TagLimits.maxEntries} string pairs with safe keys`, () => {
    const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'v']));
    expect(validatePayload(CertificateCreateCommand, { ...command, tags: many(TagLimits.maxEntries) }).ok).toBe(true);
    expect(validatePayload(CertificateCreateCommand, { ...command, tags: many(TagLimits.maxEntries + 1) }).ok).toBe(false);
    for (const tags of [{ 'a:b': 'x' }, { $gt: 'x' }, { 'a.b': 'x' }, { a: 1 }, { a: 'x'.repeat(257) }, ['x']]) {
      expect(validatePayload(CertificateCreateCommand, { ...command, tags }).ok).toBe(false);
    }
  });
});

describe('commandContentHash', () => {
  const command = { ...ids, ...pem, name: 'n', labels: { b: '2', a: '1' } };

  it('hashes a command without the later fields exactly as before they existed, so stored outcomes still answer it', () => {
    const before = createHash('sha256').update(JSON.stringify(['create', 'team-a', null, 'n', 'CERT', '', '', [['a', '1'], ['b', '2']]])).digest('hex');
    expect(commandContentHash('create', command)).toBe(before);
  });

  it('tells tags and bundles apart, and leaves the passphrase and the key out', () => {
    const base = commandContentHash('create', command);
    expect(commandContentHash('create', { ...command, tags: { env: 'prod' } })).not.toBe(base);
    expect(commandContentHash('create', { ...command, tags: { env: 'prod' } })).not.toBe(commandContentHash('create', { ...command, tags: { env: 'test' } }));
    expect(commandContentHash('create', { ...command, passphrase: 'secret', privateKey: 'OTHER' })).toBe(base);
  });
});
