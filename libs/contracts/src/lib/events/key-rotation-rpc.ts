import type { EncryptedKeyEnvelope } from '../models/encrypted-key';

/** Which sealed values a rotation walks: certificate private keys and AccessKey secrets. */
export type SealedKind = 'certificate-key' | 'credential-secret';

/** `certhub.rpc.keys.list`: a page of envelopes not yet wrapped by `notKekId`, in id order after `after`. */
export interface SealedListRequest {
  readonly kind: SealedKind;
  readonly notKekId: string;
  readonly after: string | null;
  readonly limit: number;
}

export interface SealedEntry {
  /** The certificate id (as a string) or the credential id. */
  readonly id: string;
  readonly envelope: EncryptedKeyEnvelope;
}

export interface SealedListReply {
  readonly entries: readonly SealedEntry[];
}

/**
 * `certhub.rpc.keys.rewrap`: replace one envelope's wrapped data key. Applied only if the stored envelope is
 * still `expected` (compare-and-set), and only if the sealed value itself (iv, tag, ciphertext) is unchanged:
 * rotation can never alter a key, only what protects it.
 */
export interface RewrapRequest {
  readonly kind: SealedKind;
  readonly id: string;
  readonly expected: EncryptedKeyEnvelope;
  readonly replacement: EncryptedKeyEnvelope;
}

export interface RewrapReply {
  readonly updated: boolean;
  readonly error?: string;
}
