import type { CertificateCreateCommand, CertificateStoredEvent } from '@certhub/contracts';
import { createHash } from 'node:crypto';
import { isBlank, type ScmImportRequest } from './huawei-scm-import.request';

export const HUAWEI_SCM_SOURCE = 'huawei-scm';

/** Response of POST /v3/scm/certificates/import: the 16-character SCM id. */
export interface ScmImportResponse {
  readonly certificate_id: string;
}

/** The import body as a `certificate.create` command for the token's tenant (the Huawei project). */
export function toImportCommand(tenantId: string, requestId: string, request: ScmImportRequest): CertificateCreateCommand {
  return {
    requestId,
    tenantId,
    name: request.name === '' ? generatedName(tenantId, requestId) : request.name,
    certificate: request.certificate,
    privateKey: request.private_key,
    // SCM makes the chain mandatory but allows it empty: empty (or only line breaks) means no chain.
    ...(isBlank(request.certificate_chain) ? {} : { chain: request.certificate_chain }),
    source: HUAWEI_SCM_SOURCE,
  };
}

/**
 * SCM allows an empty name; certhub names must be unique per tenant, so an empty name becomes `cert-` and 16
 * hex digits derived from the request id. Derived rather than random so that a retry with the same
 * Idempotency-Key names the certificate the same way and gets the stored answer, not a conflict.
 */
export function generatedName(tenantId: string, requestId: string): string {
  return `cert-${createHash('sha256').update(`${tenantId}\u0000${requestId}`).digest('hex').slice(0, 16)}`;
}

export function toImportResponse(stored: CertificateStoredEvent): ScmImportResponse {
  return { certificate_id: stored.certificate.scmId };
}
