import type { EncryptedKeyEnvelope } from '@certhub/contracts';
import { openPrivateKey, type Kek } from '@certhub/key-envelope';
import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { createAccessKey, runAdmin } from './support/credentials';
import { newRainbondTeam } from './support/rainbond-team';
import { startSuiteEnvironment, type SuiteEnvironment } from './support/suite-environment';

let env: SuiteEnvironment;
beforeAll(async () => (env = await startSuiteEnvironment()));
afterAll(async () => env?.close());

/** The KEK the first rotation moves to; the second one moves on from it and from the parser's own. */
const k2: Kek = { id: 'k2', key: randomBytes(32) };

interface StoredKey {
  readonly _id: number;
  readonly privateKey: EncryptedKeyEnvelope;
  readonly updatedAt: Date;
}

describe('key-encryption-key rotation (npm run admin -- rotate-keks)', () => {
  it('re-wraps every stored key under the new KEK without touching the sealed keys, and is idempotent', async () => {
    const team = await newRainbondTeam(env);
    const imported: Array<{ id: number; cert: TestCertificate }> = [];
    for (const keyType of ['rsa2048', 'p256', 'ed25519'] as const) {
      const cert = await createTestCertificate({ keyType });
      const answer = await team.add({ alias: keyType, private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' });
      imported.push({ id: (answer.body as { id: number }).id, cert });
    }
    const accessKey = await createAccessKey(env, team.id);
    const stored = async () => (await env.db.collection('certificates').find({ tenantId: team.id }).toArray()) as unknown as StoredKey[];
    const before = await stored();
    expect(before.every((doc) => doc.privateKey.kekId === 'test1')).toBe(true);

    const next = k2;
    const rotationEnv = { CERTHUB_KEKS: `${env.stack.keks},k2:${next.key.toString('base64')}`, CERTHUB_ACTIVE_KEK: 'k2' };
    // Step 1 of docs/operations.md: storage learns the new KEK, so that it can check every rewrap.
    await env.stack.stop('storage');
    env.stack.configure('storage', rotationEnv);
    await env.stack.start('storage');
    const output = await runAdmin(env, ['rotate-keks'], rotationEnv);

    expect(output).toContain('"kind":"certificate-key","rewrapped":3,"skipped":0');
    expect(output).toContain('"kind":"credential-secret","rewrapped":1,"skipped":0');
    const after = await stored();
    for (const { id, cert } of imported) {
      const was = before.find((doc) => doc._id === id)?.privateKey;
      const now = after.find((doc) => doc._id === id)?.privateKey as EncryptedKeyEnvelope;
      expect(now).toMatchObject({ kekId: 'k2', ciphertext: was?.ciphertext, iv: was?.iv, authTag: was?.authTag });
      // How the key is wrapped is not an edit of the certificate: its owner sees no change.
      expect(after.find((doc) => doc._id === id)?.updatedAt).toEqual(before.find((doc) => doc._id === id)?.updatedAt);
      // Only the new KEK is needed now, and it opens the very key that was imported.
      const opened = openPrivateKey(now, team.id, new Map([[next.id, next]]));
      expect(opened.equals(createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'der' }))).toBe(true);
    }
    const credential = await env.db.collection('credentials').findOne({ _id: accessKey.accessKeyId } as never);
    expect(credential?.['sealedSecret'].kekId).toBe('k2');

    expect(await runAdmin(env, ['rotate-keks'], rotationEnv)).toContain('"kind":"certificate-key","rewrapped":0,"skipped":0');
  });

  it('re-wraps the keys of kept earlier versions too, so a rollback after the old KEK is gone still opens', async () => {
    const team = await newRainbondTeam(env);
    const versions = [await createTestCertificate({ keyType: 'p256' }), await createTestCertificate({ keyType: 'rsa2048' }), await createTestCertificate({ keyType: 'ed25519' })];
    const body = (cert: TestCertificate) => ({ alias: 'versioned', private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 's' });
    const id = ((await team.add(body(versions[0] as TestCertificate))).body as { id: number }).id;
    for (const cert of versions.slice(1)) expect((await team.update(id, body(cert))).status).toBe(200);
    const history = async () => ((await env.db.collection('certificates').findOne({ _id: id } as never))?.['history'] ?? []) as Array<{ version: number; privateKey: EncryptedKeyEnvelope }>;
    const before = await history();
    // The parser seals under its own KEK (test1), whatever storage was told.
    expect(before.map((version) => [version.version, version.privateKey.kekId]).sort()).toEqual([[1, 'test1'], [2, 'test1']]);

    const next: Kek = { id: 'k3', key: randomBytes(32) };
    const rotationEnv = { CERTHUB_KEKS: `${env.stack.keks},k2:${k2.key.toString('base64')},k3:${next.key.toString('base64')}`, CERTHUB_ACTIVE_KEK: 'k3' };
    await env.stack.stop('storage');
    env.stack.configure('storage', rotationEnv);
    await env.stack.start('storage');
    const output = await runAdmin(env, ['rotate-keks'], rotationEnv);

    expect(output).toContain('"kind":"certificate-version-key","rewrapped":2,"skipped":0');
    const after = await history();
    for (const version of after) {
      const was = before.find((earlier) => earlier.version === version.version)?.privateKey;
      expect(version.privateKey).toMatchObject({ kekId: 'k3', ciphertext: was?.ciphertext, iv: was?.iv, authTag: was?.authTag });
      // Only the new KEK opens it now, and it is the key that version was uploaded with.
      const cert = versions[version.version - 1] as TestCertificate;
      const opened = openPrivateKey(version.privateKey, team.id, new Map([[next.id, next]]));
      expect(opened.equals(createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'der' }))).toBe(true);
    }
    expect(await runAdmin(env, ['rotate-keks'], rotationEnv)).toContain('"kind":"certificate-version-key","rewrapped":0,"skipped":0');
  });
});
