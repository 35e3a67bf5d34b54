import type { CertificateCreateCommand, CertificateStoredEvent, CertificateUpdateCommand } from '@certhub/contracts';
import type { RainbondCertificateBody, RainbondCertificateResponse } from './dto/rainbond-certificate.body';

export const RAINBOND_SOURCE = 'rainbond';

export function toCreateCommand(tenantId: string, requestId: string, body: RainbondCertificateBody): CertificateCreateCommand {
  return {
    requestId,
    tenantId,
    name: body.alias,
    certificate: body.certificate,
    privateKey: body.private_key,
    labels: { certificate_type: body.certificate_type },
    source: RAINBOND_SOURCE,
  };
}

export function toUpdateCommand(
  tenantId: string,
  requestId: string,
  certificateId: number,
  body: RainbondCertificateBody,
): CertificateUpdateCommand {
  return { ...toCreateCommand(tenantId, requestId, body), certificateId };
}

/**
 * The documented response is the request plus `id`. The key is echoed from this request only (it never
 * travels back from storage, which holds it sealed).
 */
export function toResponse(body: RainbondCertificateBody, stored: CertificateStoredEvent): RainbondCertificateResponse {
  return {
    alias: stored.certificate.name,
    private_key: body.private_key,
    certificate: body.certificate,
    certificate_type: stored.certificate.labels['certificate_type'] ?? body.certificate_type,
    id: stored.certificate.id,
  };
}
