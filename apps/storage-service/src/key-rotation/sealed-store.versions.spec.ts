import type { StorageConfig } from '@certhub/config';
import type { EncryptedKeyEnvelope, SealedListReply } from '@certhub/contracts';
import type { Model } from 'mongoose';
import type { Credential } from '../credentials/schemas/credential.schema';
import { useStorageDatabase } from '../storage-database.spec-support';
import { SealedStore } from './sealed-store.service';

const db = useStorageDatabase();
const store = () => new SealedStore(db.certificates, {} as Model<Credential>, {} as StorageConfig);

const envelope = (kekId: string, tag: string): EncryptedKeyEnvelope => ({
  algorithm: 'AES-256-GCM',
  kekId,
  wrappedDataKey: `wrapped-${tag}`,
  iv: `iv-${tag}`,
  authTag: `tag-${tag}`,
  ciphertext: `ciphertext-${tag}`,
});

/** Certificates reduced to what rotation reads: id and the sealed key of each kept version. */
const certificates = [
  { _id: 1, history: [{ version: 2, privateKey: envelope('new', '1.2') }, { version: 1, privateKey: envelope('old', '1.1') }] },
  { _id: 2, history: [{ version: 1, privateKey: envelope('new', '2.1') }] },
  { _id: 3, history: [3, 2, 1].map((version) => ({ version, privateKey: envelope('old', `3.${version}`) })) },
  { _id: 4, history: [] },
];

describe('rotation of the keys of kept versions', () => {
  beforeAll(async () => {
    // Unique (tenant, name) and uid: each certificate gets its own.
    await db.certificates.collection.insertMany(certificates.map((doc) => ({ ...doc, tenantId: 't', name: `c${doc._id}`, uid: `u${doc._id}` })) as never[]);
  });

  it('lists every kept key not yet under the KEK, in (certificate, version) order, page by page', async () => {
    const pages: SealedListReply[] = [];
    let after: string | null = null;
    do {
      const page: SealedListReply = await store().list({ kind: 'certificate-version-key', notKekId: 'new', after, limit: 2 });
      pages.push(page);
      after = page.next;
    } while (after !== null && pages.length < 10);

    expect(pages.map((page) => page.entries.map((entry) => entry.id))).toEqual([['1.1', '3.1'], ['3.2', '3.3']]);
    expect(pages[0]?.entries[0]?.envelope).toEqual(envelope('old', '1.1'));
  });

  it("swaps one version's envelope only while it is still the one read, and no other version's", async () => {
    const replacement = { ...envelope('new', '3.2'), wrappedDataKey: 'rewrapped' };
    const replace = (expected: EncryptedKeyEnvelope) =>
      (store() as unknown as { replace(request: object): Promise<boolean> }).replace({ kind: 'certificate-version-key', id: '3.2', expected, replacement });

    expect(await replace(envelope('old', '3.1'))).toBe(false);
    expect(await replace(envelope('old', '3.2'))).toBe(true);
    expect(await replace(envelope('old', '3.2'))).toBe(false);
    const history = (await db.certificates.findOne({ _id: 3 }).lean().exec())?.history ?? [];
    expect(history.map((version) => [version.version, version.privateKey.kekId, version.privateKey.wrappedDataKey])).toEqual([
      [3, 'old', 'wrapped-3.3'],
      [2, 'new', 'rewrapped'],
      [1, 'old', 'wrapped-3.1'],
    ]);
  });
});
