import type { KeyEncryptionKeyring } from '@certhub/config';
import { SEALED_KINDS, Subjects, type RewrapReply, type SealedKind, type SealedListReply } from '@certhub/contracts';
import { rewrapEnvelope } from '@certhub/key-envelope';
import type { RpcClient } from '@certhub/messaging';

/** Listing and re-wrapping a page touches up to PAGE documents: more time than a single look-up. */
const TIMEOUT = { timeoutMs: 10_000 };

const PAGE = 200;

export interface RotationCount {
  readonly kind: SealedKind;
  readonly rewrapped: number;
  /** Changed by someone else between read and write (e.g. a certificate updated meanwhile); re-run to pick up. */
  readonly skipped: number;
}

/**
 * Re-wraps every data key not yet under the active KEK: the private keys and secrets themselves are never
 * decrypted, only the 32-byte data keys that protect them. Safe to interrupt and re-run.
 */
export async function rotateKeks(rpc: RpcClient, keyring: KeyEncryptionKeyring): Promise<RotationCount[]> {
  const counts: RotationCount[] = [];
  for (const kind of SEALED_KINDS) {
    let rewrapped = 0;
    let skipped = 0;
    let after: string | null = null;
    for (;;) {
      const page: SealedListReply = await rpc.rpc<SealedListReply>(Subjects.rpcSealedList, { kind, notKekId: keyring.active.id, after, limit: PAGE }, TIMEOUT);
      if (page.error) throw new Error(`listing ${kind} refused: ${page.error}`);
      for (const { id, envelope } of page.entries) {
        const replacement = rewrapEnvelope(envelope, keyring.byId, keyring.active);
        const reply = await rpc.rpc<RewrapReply>(Subjects.rpcSealedRewrap, { kind, id, expected: envelope, replacement }, TIMEOUT);
        if (reply.error) throw new Error(`rewrap of ${kind} ${id} refused: ${reply.error}`);
        if (reply.updated) rewrapped += 1;
        else skipped += 1;
      }
      // Pages end by count or by size (replies stay under NATS's max_payload): follow the cursor.
      if (page.next === null) break;
      after = page.next;
    }
    counts.push({ kind, rewrapped, skipped });
  }
  return counts;
}
