import type { CertificateCreateCommand, CertificateStoredEvent, KeyType } from '@certhub/contracts';
import type { ApigCertificateResponse } from './huawei-apig-certificate.response';
import type { ApigAlgorithmType, ApigCertificateType, ApigCreateCertificateRequest } from './huawei-apig-request';
import { goSignatureAlgorithm } from './go-signature-algorithm';

export const HUAWEI_APIG_SOURCE = 'huawei-apig';
/** What APIG answers as instance_id for a global certificate. */
export const GLOBAL_INSTANCE_ID = 'common';

/** The project is the tenant; the APIG scope (type, gateway) travels as labels and comes back with the record. */
export function toCreateCommand(projectId: string, requestId: string, request: ApigCreateCertificateRequest): CertificateCreateCommand {
  const labels: Record<string, string> = { type: request.type };
  if (request.instanceId !== null) labels['instance_id'] = request.instanceId;
  return {
    requestId,
    tenantId: projectId,
    name: request.name,
    certificate: request.certContent,
    privateKey: request.privateKey,
    ...(request.trustedRootCa === null ? {} : { trustedRootCa: request.trustedRootCa }),
    labels,
    source: HUAWEI_APIG_SOURCE,
  };
}

/**
 * The stored record in APIG's form. Subject and issuer fields follow Go's pkix.Name, which APIG prints: lists per
 * attribute, `issuer` being the issuer's Organization values and `common_name` the last CN.
 */
export function toCertificateResponse(stored: CertificateStoredEvent): ApigCertificateResponse {
  const record = stored.certificate;
  const { metadata } = record;
  const type: ApigCertificateType = record.labels['type'] === 'instance' ? 'instance' : 'global';
  return {
    id: record.uid,
    name: record.name,
    type,
    instance_id: type === 'instance' ? (record.labels['instance_id'] ?? GLOBAL_INSTANCE_ID) : GLOBAL_INSTANCE_ID,
    project_id: record.tenantId,
    common_name: metadata.subject.commonName.at(-1) ?? '',
    san: [...metadata.subjectAltNames.dns],
    not_after: apigTime(metadata.notAfter),
    signature_algorithm: goSignatureAlgorithm(metadata),
    create_time: apigTime(record.createdAt),
    update_time: apigTime(record.updatedAt),
    is_has_trusted_root_ca: record.hasTrustedRootCa,
    algorithm_type: algorithmTypeOf(metadata.publicKey.type),
    version: metadata.version,
    organization: [...metadata.subject.organization],
    organizational_unit: [...metadata.subject.organizationalUnit],
    locality: [...metadata.subject.locality],
    state: [...metadata.subject.state],
    country: [...metadata.subject.country],
    not_before: apigTime(metadata.notBefore),
    serial_number: metadata.serialNumberDecimal,
    issuer: [...metadata.issuer.organization],
  };
}

/** The certificate's key algorithm in APIG's terms: Ed25519 is elliptic-curve cryptography too, so ECC. */
export function algorithmTypeOf(keyType: KeyType): ApigAlgorithmType {
  return keyType === 'RSA' ? 'RSA' : 'ECC';
}

/** APIG's timestamps: UTC to the second, `2021-08-20T02:03:53Z`. */
export function apigTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
