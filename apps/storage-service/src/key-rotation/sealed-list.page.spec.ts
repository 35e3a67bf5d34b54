import { jsonBytes, RPC_REPLY_BUDGET_BYTES, type SealedEntry } from '@certhub/contracts';
import { randomBytes } from 'node:crypto';
import { sealedListPage } from './sealed-list.page';

/** An entry whose sealed key is `keyBytes` long: about 3 KB for RSA-4096, 16 KB for the largest accepted. */
function entry(id: number, keyBytes = 100): SealedEntry {
  const b64 = (bytes: number) => randomBytes(bytes).toString('base64');
  return { id: String(id), envelope: { algorithm: 'AES-256-GCM', kekId: 'k1', wrappedDataKey: b64(60), iv: b64(12), authTag: b64(16), ciphertext: b64(keyBytes) } };
}

const entries = (count: number, keyBytes?: number) => Array.from({ length: count }, (_, index) => entry(index + 1, keyBytes));

describe('sealedListPage', () => {
  it('returns every entry and next null on the last page', () => {
    const reply = sealedListPage(entries(3), 3);
    expect(reply.entries.map((sealed) => sealed.id)).toEqual(['1', '2', '3']);
    expect(reply.next).toBeNull();
  });

  it('cuts at the limit and names the last id shown as next', () => {
    expect(sealedListPage(entries(4), 3)).toMatchObject({ next: '3' });
  });

  it('cuts large keys by size, under the budget, and continues after the last one shown', () => {
    // 200 sealed RSA-4096 keys would be some 700 KB; 1,000 of the largest keys some 22 MB.
    for (const keyBytes of [2_400, 12_000]) {
      const reply = sealedListPage(entries(1_001, keyBytes), 1_000);
      expect(reply.entries.length).toBeLessThan(200);
      expect(jsonBytes(reply)).toBeLessThanOrEqual(RPC_REPLY_BUDGET_BYTES);
      expect(reply.next).toBe(reply.entries[reply.entries.length - 1]?.id);
    }
  });

  it('never answers an empty page while entries remain', () => {
    const reply = sealedListPage(entries(2), 10, 1);
    expect(reply.entries).toHaveLength(1);
    expect(reply.next).toBe('1');
  });
});
