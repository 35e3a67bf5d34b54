import type { CertificateCreateCommand, CertificateStoredEvent } from '@certhub/contracts';
import type { CasCertificateInput } from './cas-certificate-parameters';

export const ALIBABA_CAS_SOURCE = 'alibaba-cas';

/** Cert may carry the chain after the leaf: the parser takes further CERTIFICATE blocks as the chain. */
export function toCreateCommand(tenantId: string, requestId: string, input: CasCertificateInput): CertificateCreateCommand {
  return {
    requestId,
    tenantId,
    name: input.name,
    certificate: input.cert,
    privateKey: input.key,
    source: ALIBABA_CAS_SOURCE,
  };
}

/** CreateUserCertificate's documented response: RequestId (this request's id) and CertId (the record's integer id). */
export function toCreateUserCertificateResponse(requestId: string, stored: CertificateStoredEvent): { RequestId: string; CertId: number } {
  return { RequestId: requestId, CertId: stored.certificate.id };
}

/**
 * UploadUserCertificate's response (CAS 2020-04-07): RequestId, CertId and ResourceId, the certificate's resource
 * id (Alibaba's look like `cas-upload-j2ofdb`; certhub's is `cas-upload-` and the record's uid, stable per record).
 */
export function toUploadUserCertificateResponse(requestId: string, stored: CertificateStoredEvent): { RequestId: string; CertId: number; ResourceId: string } {
  return { RequestId: requestId, CertId: stored.certificate.id, ResourceId: `cas-upload-${stored.certificate.uid}` };
}
