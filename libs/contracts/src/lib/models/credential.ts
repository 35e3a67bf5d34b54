import { createHash } from 'node:crypto';
import type { EncryptedKeyEnvelope } from './encrypted-key';

/**
 * How a caller proves which tenant it acts for. `token`: an opaque bearer token (Huawei `X-Auth-Token`,
 * Rainbond `Authorization`), stored only as its SHA-256. `access-key`: an Alibaba AccessKey pair, whose
 * secret must stay recoverable to check HMAC signatures, so it is stored sealed under a key-encryption key.
 */
export type CredentialKind = 'token' | 'access-key';

export interface CredentialRecord {
  /** `tok_…` for tokens; the AccessKeyId for access keys. */
  readonly id: string;
  readonly kind: CredentialKind;
  readonly tenantId: string;
  /** Sealed AccessKey secret (access keys only). */
  readonly sealedSecret: EncryptedKeyEnvelope | null;
  readonly description: string;
  readonly createdAt: string;
}

/** `certhub.rpc.credential.create`: sent by the admin command; the secret arrives hashed or sealed. */
export interface CredentialCreateRequest {
  readonly id: string;
  readonly kind: CredentialKind;
  readonly tenantId: string;
  /** SHA-256 hex of the token (tokens only). */
  readonly tokenHash: string | null;
  readonly sealedSecret: EncryptedKeyEnvelope | null;
  readonly description: string;
}

export interface CredentialCreateReply {
  readonly created: boolean;
  readonly error?: string;
}

/** `certhub.rpc.credential.resolve`: by token hash (tokens) or by id (AccessKeyId). */
export type CredentialResolveRequest =
  | { readonly kind: 'token'; readonly tokenHash: string }
  | { readonly kind: 'access-key'; readonly id: string };

export interface CredentialResolveReply {
  readonly credential: CredentialRecord | null;
}

/**
 * Tokens are 256-bit random values, so a plain SHA-256 is enough to store them irreversibly: there is no
 * low-entropy secret to brute-force, and the look-up stays a single indexed equality match.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
