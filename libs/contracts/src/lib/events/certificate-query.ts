/** Bounds of `certhub.rpc.certificates.query`, shared by the gateway's parameter checks and the storage side. */
export const CertificateQueryLimits = {
  defaultLimit: 100,
  maxLimit: 1_000,
  /** A hundred years: any longer window is a typo, not a question. */
  maxExpiresWithinDays: 36_500,
  maxCursorLength: 128,
} as const;

/**
 * Core NATS request on `certhub.rpc.certificates.query`: one tenant's certificates, sorted by notAfter then
 * id. `hostname` matches exactly or through a wildcard certificate covering it; `expiresWithinDays` keeps
 * certificates whose notAfter is at most that many days from now, already expired ones included.
 */
export interface CertificateQueryRequest {
  readonly tenantId: string;
  /** Lower-case host name, or `*.` and a host name for the wildcard certificate itself. */
  readonly hostname?: string;
  readonly expiresWithinDays?: number;
  readonly limit?: number;
  /** The `next` of the previous page; opaque. */
  readonly after?: string;
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
}

export interface CertificateQueryReply {
  readonly certificates: readonly CertificateSummary[];
  /** Cursor for the next page, or null on the last one. */
  readonly next: string | null;
  /** Set when the request was refused (bad shape or cursor); nothing was looked up. */
  readonly error?: string;
}
