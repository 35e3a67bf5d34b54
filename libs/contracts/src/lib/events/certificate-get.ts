import { IsInt, Max, Min } from 'class-validator';
import type { CertificateRecord } from '../models/certificate-record';
import { IsTenantId } from '../validation/tenant-id';

/** One certificate of one tenant, by its integer id: what every request about a single certificate names. */
export class TenantCertificateRequest {
  @IsTenantId()
  readonly tenantId!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly id!: number;
}

/** Core NATS request on `certhub.rpc.certificates.get`: the certificate itself. */
export class CertificateGetRequest extends TenantCertificateRequest {}

export interface CertificateGetReply {
  /** Null when the tenant has no certificate with this id: another tenant's looks exactly like none. */
  readonly certificate: CertificateRecord | null;
  /** Set when the request was refused (bad shape); nothing was looked up. */
  readonly error?: string;
}
