import type { KeyEncryptionKeyring } from '@certhub/config';
import type { RewrapRequest } from '@certhub/contracts';
import { wrapsSameDataKey } from '@certhub/key-envelope';

/**
 * Why storage will not apply a (contract-valid) rewrap, or null when it may. The caller computed the
 * replacement; storage accepts it only if it opens to the data key `expected` opens to, so no caller on the
 * bus can swap in a data key of its own or one that does not open, and leave a key unreadable. Without the
 * KEKs that check is impossible, so every rewrap is refused.
 */
export function rewrapRefusal(request: RewrapRequest, keyring: KeyEncryptionKeyring | undefined): string | null {
  if (!keyring) return 'storage has no CERTHUB_KEKS, so it cannot verify a rewrap; configure the old and new KEKs on storage to rotate';
  const verdict = wrapsSameDataKey(request.expected, request.replacement, keyring.byId);
  return verdict.ok ? null : `rewrap refused: ${verdict.problem}`;
}
