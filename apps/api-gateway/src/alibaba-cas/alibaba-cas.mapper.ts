import type { CertificateCreateCommand, CertificateStoredEvent } from '@certhub/contracts';
import type { CreateUserCertificateInput } from './create-user-certificate.request';

export const ALIBABA_CAS_SOURCE = 'alibaba-cas';

/** Cert may carry the chain after the leaf: the parser takes further CERTIFICATE blocks as the chain. */
export function toCreateCommand(tenantId: string, requestId: string, input: CreateUserCertificateInput): CertificateCreateCommand {
  return {
    requestId,
    tenantId,
    name: input.name,
    certificate: input.cert,
    privateKey: input.key,
    source: ALIBABA_CAS_SOURCE,
  };
}

/** The documented response: RequestId (this request's id) and CertId (the stored record's integer id). */
export function toResponse(requestId: string, stored: CertificateStoredEvent): { RequestId: string; CertId: number } {
  return { RequestId: requestId, CertId: stored.certificate.id };
}
