import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy } from 'class-validator';
import { TagLimits } from './certificate-command.events';
import { normalizeHostname } from '../validation/hostname';
import { IsTenantId } from '../validation/tenant-id';

/** Bounds of `certhub.rpc.certificates.query`, shared by the gateway's parameter checks and the storage side. */
export const CertificateQueryLimits = {
  defaultLimit: 100,
  maxLimit: 1_000,
  /** A hundred years: any longer window is a typo, not a question. */
  maxExpiresWithinDays: 36_500,
  maxCursorLength: 128,
  /** As long as a name may be. */
  maxNamePrefixLength: 255,
  /** `tag=` parameters in one query. */
  maxTags: 8,
} as const;

/** One `tag` filter: a tag key, `:`, and the value it must have exactly (which may itself contain `:`). */
export const TAG_FILTER = new RegExp(`^[A-Za-z0-9_-]{1,${TagLimits.maxKeyLength}}:[\\s\\S]{0,${TagLimits.maxValueLength}}$`);

/** A SHA-256 fingerprint as certhub stores it: 64 lower-case hex digits. */
export const FINGERPRINT_SHA256 = /^[0-9a-f]{64}$/;

/** What a cursor may look like on the wire; its meaning is checked by the storage service that issued it. */
const CURSOR = new RegExp(`^[A-Za-z0-9_-]{1,${CertificateQueryLimits.maxCursorLength}}$`);

/**
 * Core NATS request on `certhub.rpc.certificates.query`: one tenant's certificates, sorted by notAfter then
 * id. `hostname` matches exactly or through a wildcard certificate covering it; `expiresWithinDays` keeps
 * certificates whose notAfter is at most that many days from now, already expired ones included;
 * `namePrefix` and `fingerprint` narrow further. Every filter given must hold (AND). Absent and
 * null optional fields mean the same: no filter, the default limit, the first page.
 */
export class CertificateQueryRequest {
  @IsTenantId()
  readonly tenantId!: string;

  /** Lower-case host name, or `*.` and a host name for the wildcard certificate itself. */
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'isHostname',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && normalizeHostname(value) !== null,
      defaultMessage: () => 'hostname must be a host name such as www.example.com, or *.example.com',
    },
  })
  readonly hostname?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(CertificateQueryLimits.maxExpiresWithinDays)
  readonly expiresWithinDays?: number | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CertificateQueryLimits.maxLimit)
  readonly limit?: number | null;

  /** Certificates whose name starts with this, case-sensitively. */
  @IsOptional()
  @IsString()
  @Length(1, CertificateQueryLimits.maxNamePrefixLength)
  readonly namePrefix?: string | null;

  /** The certificate's SHA-256 fingerprint (metadata.fingerprintSha256). */
  @IsOptional()
  @IsString()
  @Matches(FINGERPRINT_SHA256, { message: 'fingerprint must be 64 lower-case hex digits' })
  readonly fingerprint?: string | null;

  /** `key:value` pairs the certificate's tags must all hold (AND). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CertificateQueryLimits.maxTags)
  @IsString({ each: true })
  @Matches(TAG_FILTER, { each: true, message: 'each tag must be key:value, the key 1-64 of [A-Za-z0-9_-]' })
  readonly tags?: readonly string[] | null;

  /** The `next` of the previous page; opaque. */
  @IsOptional()
  @IsString()
  @Matches(CURSOR, { message: 'after must be the next value of a previous page' })
  readonly after?: string | null;
}

/** What a listing shows of a certificate: no PEM, no key, sealed or not. */
export interface CertificateSummary {
  readonly id: number;
  readonly uid: string;
  readonly scmId: string;
  readonly name: string;
  readonly hostnames: readonly string[];
  /** ISO 8601. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly commonName: string | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A page holds at most `limit` certificates and at most RPC_REPLY_BUDGET_BYTES of JSON, so it may be shorter
 * than `limit` while more follow: only `next` says whether the listing goes on.
 */
export interface CertificateQueryReply {
  readonly certificates: readonly CertificateSummary[];
  /** Cursor for the next page, or null on the last one. */
  readonly next: string | null;
  /** Set when the request was refused (bad shape or cursor); nothing was looked up. */
  readonly error?: string;
}
