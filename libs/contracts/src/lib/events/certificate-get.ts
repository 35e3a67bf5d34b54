import { IsInt, Max, Min } from 'class-validator';
import type { CertificateRecord } from '../models/certificate-record';
import { IsTenantId } from '../validation/tenant-id';

/** Core NATS request on `certhub.rpc.certificates.get`: one certificate of one tenant, by its integer id. */
export class CertificateGetRequest {
  @IsTenantId()
  readonly tenantId!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly id!: number;
}

export interface CertificateGetReply {
  /** Null when the tenant has no certificate with this id: another tenant's looks exactly like none. */
  readonly certificate: CertificateRecord | null;
  /** Set when the request was refused (bad shape); nothing was looked up. */
  readonly error?: string;
}
