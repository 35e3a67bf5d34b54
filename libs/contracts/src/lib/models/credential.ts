import { IsIn, IsString, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { createHash } from 'node:crypto';
import { IsSealedEnvelope } from '../validation/sealed-envelope';
import { validatePayload, type ValidationResult } from '../validation/validate-payload';
import { IsTenantId } from '../validation/tenant-id';
import type { EncryptedKeyEnvelope } from './encrypted-key';

/**
 * How a caller proves which tenant it acts for. `token`: an opaque bearer token (Huawei `X-Auth-Token`,
 * Rainbond `Authorization`), stored only as its SHA-256. `access-key`: an Alibaba AccessKey pair, whose
 * secret must stay recoverable to check HMAC signatures, so it is stored sealed under a key-encryption key.
 */
export const CREDENTIAL_KINDS = ['token', 'access-key'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export const CREDENTIAL_ID_MAX_LENGTH = 64;
/** `tok_…` token ids and AccessKeyIds (`LTAI…`) alike. */
export const CREDENTIAL_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{8,${CREDENTIAL_ID_MAX_LENGTH}}$`);
const SHA256_HEX = /^[0-9a-f]{64}$/;
export const CREDENTIAL_DESCRIPTION_MAX_LENGTH = 256;

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

const hasValue = (value: unknown): boolean => value !== null && value !== undefined;

/** A field that belongs to one kind of credential: required for it, null (or absent) for the other. */
function OnlyFor(kind: CredentialKind): PropertyDecorator {
  return ValidateBy({
    name: 'onlyForKind',
    validator: {
      validate: (value, args) => (args?.object as { kind?: unknown } | undefined)?.kind === kind || !hasValue(value),
      defaultMessage: (args) => `${args?.property ?? 'this field'} is for ${kind} credentials only; send null`,
    },
  });
}

const credentialIdMessage = { message: '$property must be 8-64 letters, digits, _ or -' };

/** `certhub.rpc.credential.create`: sent by the admin command; the secret arrives hashed or sealed. */
export class CredentialCreateRequest {
  @IsString()
  @Matches(CREDENTIAL_ID_PATTERN, credentialIdMessage)
  readonly id!: string;

  @IsIn(CREDENTIAL_KINDS)
  readonly kind!: CredentialKind;

  @IsTenantId()
  readonly tenantId!: string;

  /** SHA-256 hex of the token (tokens only). */
  @ValidateIf((request: CredentialCreateRequest) => request.kind === 'token' || hasValue(request.tokenHash))
  @IsString()
  @Matches(SHA256_HEX, { message: 'tokenHash must be the SHA-256 of the token, in lower-case hex' })
  @OnlyFor('token')
  readonly tokenHash!: string | null;

  /** The AccessKey secret sealed with sealCredentialSecret (access keys only). */
  @ValidateIf((request: CredentialCreateRequest) => request.kind === 'access-key' || hasValue(request.sealedSecret))
  @IsSealedEnvelope()
  @OnlyFor('access-key')
  readonly sealedSecret!: EncryptedKeyEnvelope | null;

  @IsString()
  @MaxLength(CREDENTIAL_DESCRIPTION_MAX_LENGTH)
  readonly description!: string;
}

export interface CredentialCreateReply {
  readonly created: boolean;
  readonly error?: string;
}

/** `certhub.rpc.credential.resolve`: by token hash (tokens) or by id (AccessKeyId). */
export type CredentialResolveRequest =
  | { readonly kind: 'token'; readonly tokenHash: string }
  | { readonly kind: 'access-key'; readonly id: string };

/** CredentialResolveRequest as it may arrive from the bus, checked field by field (see readCredentialResolveRequest). */
export class CredentialResolvePayload {
  @IsIn(CREDENTIAL_KINDS)
  readonly kind!: CredentialKind;

  @ValidateIf((payload: CredentialResolvePayload) => payload.kind === 'token' || hasValue(payload.tokenHash))
  @IsString()
  @Matches(SHA256_HEX, { message: 'tokenHash must be the SHA-256 of the token, in lower-case hex' })
  @OnlyFor('token')
  readonly tokenHash?: string | null;

  @ValidateIf((payload: CredentialResolvePayload) => payload.kind === 'access-key' || hasValue(payload.id))
  @IsString()
  @Matches(CREDENTIAL_ID_PATTERN, credentialIdMessage)
  @OnlyFor('access-key')
  readonly id?: string | null;
}

/** An untrusted `certhub.rpc.credential.resolve` payload as the union, or what is wrong with it. */
export function readCredentialResolveRequest(raw: unknown): ValidationResult<CredentialResolveRequest> {
  const checked = validatePayload(CredentialResolvePayload, raw);
  if (!checked.ok) return checked;
  const { kind, tokenHash, id } = checked.value;
  // The validators made the field of the payload's kind a string; these narrow it for the compiler.
  if (kind === 'token' && typeof tokenHash === 'string') return { ok: true, value: { kind, tokenHash } };
  if (kind === 'access-key' && typeof id === 'string') return { ok: true, value: { kind, id } };
  return { ok: false, problems: [`a ${kind} credential is resolved by ${kind === 'token' ? 'tokenHash' : 'id'}`] };
}

export interface CredentialResolveReply {
  readonly credential: CredentialRecord | null;
  /** Set when the request was refused (bad shape); nothing was looked up, so credential is null. */
  readonly error?: string;
}

/**
 * Tokens are 256-bit random values, so a plain SHA-256 is enough to store them irreversibly: there is no
 * low-entropy secret to brute-force, and the look-up stays a single indexed equality match.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
