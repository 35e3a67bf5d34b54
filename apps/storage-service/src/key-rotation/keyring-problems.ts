import type { KeyEncryptionKeyring } from '@certhub/config';
import type { EncryptedKeyEnvelope } from '@certhub/contracts';
import { kekCheckValue, wrapsSameDataKey } from '@certhub/key-envelope';

/** What storage knows about the data it holds, read at start-up. */
export interface StoredKeyEvidence {
  /** The envelopes written last (a certificate key, an AccessKey secret): sealed with the KEK active then. */
  readonly newest: ReadonlyArray<{ readonly what: string; readonly envelope: EncryptedKeyEnvelope }>;
  /** Check values recorded earlier, by KEK id. */
  readonly recorded: ReadonlyMap<string, string>;
}

/**
 * Why this keyring cannot open what is stored, or [] when it can. Two ways it goes wrong: a key generated
 * afresh under the same id (the check value differs, and the newest data key does not open), or a keyring
 * that no longer holds the id the newest data was sealed with. Only data keys are unwrapped; no private key
 * or secret is opened.
 */
export function keyringProblems(keyring: KeyEncryptionKeyring, evidence: StoredKeyEvidence): string[] {
  const problems: string[] = [];
  for (const kek of keyring.byId.values()) {
    const recorded = evidence.recorded.get(kek.id);
    if (recorded !== undefined && recorded !== kekCheckValue(kek)) {
      problems.push(`CERTHUB_KEKS key "${kek.id}" is not the key that id named before (its check value differs)`);
    }
  }
  for (const { what, envelope } of evidence.newest) {
    const verdict = wrapsSameDataKey(envelope, envelope, keyring.byId);
    if (!verdict.ok) problems.push(`the newest stored ${what}, sealed under "${envelope.kekId}", does not open: ${verdict.problem}`);
  }
  return problems;
}
