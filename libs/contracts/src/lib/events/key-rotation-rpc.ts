import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import type { EncryptedKeyEnvelope } from '../models/encrypted-key';
import { CREDENTIAL_ID_PATTERN } from '../models/credential';
import { IsSealedEnvelope, KEK_ID_PATTERN } from '../validation/sealed-envelope';

/**
 * Which sealed values a rotation walks: certificates' current private keys, the private keys of their kept
 * earlier versions (what a rollback makes current again), and AccessKey secrets.
 */
export const SEALED_KINDS = ['certificate-key', 'certificate-version-key', 'credential-secret'] as const;
export type SealedKind = (typeof SEALED_KINDS)[number];

export const SealedListLimits = {
  maxLimit: 1_000,
} as const;

/** Certificate ids are positive integers sent as decimal strings; credential ids are credential ids. */
const CERTIFICATE_ID = /^[1-9][0-9]{0,14}$/;
/** A kept version of a certificate: `<certificate id>.<version>`. */
const CERTIFICATE_VERSION_ID = /^([1-9][0-9]{0,14})\.([1-9][0-9]{0,8})$/;

export function isSealedId(kind: unknown, id: unknown): boolean {
  if (typeof id !== 'string') return false;
  if (kind === 'certificate-key') return CERTIFICATE_ID.test(id);
  if (kind === 'certificate-version-key') return CERTIFICATE_VERSION_ID.test(id);
  return kind === 'credential-secret' && CREDENTIAL_ID_PATTERN.test(id);
}

/** An id of a record of the request's `kind`, so no value reaches a filter that its field could not hold. */
function IsSealedId(): PropertyDecorator {
  return ValidateBy({
    name: 'isSealedId',
    validator: {
      validate: (value, args) => isSealedId((args?.object as { kind?: unknown } | undefined)?.kind, value),
      defaultMessage: (args) =>
        `${args?.property ?? 'id'} must be a certificate id (digits) for certificate-key, <certificate id>.<version> for certificate-version-key, or a credential id for credential-secret`,
    },
  });
}

/**
 * `certhub.rpc.keys.list`: a page of envelopes not yet wrapped by `notKekId`, in id order after `after`
 * (null or absent: from the start).
 */
export class SealedListRequest {
  @IsIn(SEALED_KINDS)
  readonly kind!: SealedKind;

  @IsString()
  @Matches(KEK_ID_PATTERN, { message: 'notKekId must be 1-32 letters, digits, _ or -' })
  readonly notKekId!: string;

  @IsOptional()
  @IsSealedId()
  readonly after?: string | null;

  @IsInt()
  @Min(1)
  @Max(SealedListLimits.maxLimit)
  readonly limit!: number;
}

/** The certificate and version a `certificate-version-key` id names, or null when it names none. */
export function parseCertificateVersionId(id: string): { readonly certificateId: number; readonly version: number } | null {
  const match = CERTIFICATE_VERSION_ID.exec(id);
  return match ? { certificateId: Number(match[1]), version: Number(match[2]) } : null;
}

export function certificateVersionId(certificateId: number, version: number): string {
  return `${certificateId}.${version}`;
}

export interface SealedEntry {
  /** The certificate id (as a string) or the credential id. */
  readonly id: string;
  readonly envelope: EncryptedKeyEnvelope;
}

/**
 * A page holds at most `limit` entries and at most RPC_REPLY_BUDGET_BYTES of JSON, so it may be shorter than
 * `limit` while more follow: a caller continues with `after: next` until `next` is null.
 */
export interface SealedListReply {
  readonly entries: readonly SealedEntry[];
  /** The id of the last entry when more may follow, else null. */
  readonly next: string | null;
  /** Set when the request was refused (bad shape); nothing was looked up. */
  readonly error?: string;
}

const SEALED_VALUE_FIELDS = ['algorithm', 'iv', 'authTag', 'ciphertext'] as const;

/** The fields of the sealed value itself that `replacement` changes compared with `expected`. */
export function changedSealedFields(expected: EncryptedKeyEnvelope, replacement: EncryptedKeyEnvelope): string[] {
  return SEALED_VALUE_FIELDS.filter((field) => expected[field] !== replacement[field]);
}

/** Rotation re-wraps the data key only: the sealed key itself must stay byte for byte what it was. */
function KeepsSealedValueOfExpected(): PropertyDecorator {
  const changed = (request: object): string[] => {
    const { expected, replacement } = request as Partial<RewrapRequest>;
    // Shapes are the nested validation's business; compare only two objects.
    if (typeof expected !== 'object' || expected === null || typeof replacement !== 'object' || replacement === null) return [];
    return changedSealedFields(expected, replacement);
  };
  return ValidateBy({
    name: 'keepsSealedValueOfExpected',
    validator: {
      validate: (_value, args) => (args ? changed(args.object).length === 0 : false),
      defaultMessage: (args) => `a rewrap may not change ${args ? changed(args.object).join(', ') : 'the sealed value'}`,
    },
  });
}

/**
 * `certhub.rpc.keys.rewrap`: replace one envelope's wrapped data key. Applied only if the stored envelope is
 * still `expected` (compare-and-set), only if the sealed value itself (algorithm, iv, tag, ciphertext) is
 * unchanged, and only if `replacement` wraps the very data key `expected` wraps (checked by storage with its
 * `CERTHUB_KEKS`): rotation can never alter a key, only what protects it.
 */
export class RewrapRequest {
  @IsIn(SEALED_KINDS)
  readonly kind!: SealedKind;

  @IsSealedId()
  readonly id!: string;

  @IsSealedEnvelope()
  readonly expected!: EncryptedKeyEnvelope;

  @IsSealedEnvelope()
  @KeepsSealedValueOfExpected()
  readonly replacement!: EncryptedKeyEnvelope;
}

export interface RewrapReply {
  readonly updated: boolean;
  readonly error?: string;
}
