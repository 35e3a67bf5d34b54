import {
  CerthubError,
  CertificateCreateCommand,
  CertificateMaterial,
  CertificateUpdateCommand,
  validatePayload,
  type CertificateRecord,
  type CertificateStoredEvent,
} from '@certhub/contracts';
import type { ImportRequestContext } from '../request-context/import-context.decorator';

/** The body fields of `POST …/certificates` and `…/certificates/validate`; anything else is refused, not ignored. */
const FIELDS = ['name', 'certificate', 'privateKey', 'chain', 'trustedRootCa', 'pkcs12', 'passphrase', 'tags'] as const;

/** The source the parser logs for commands of the certhub API. */
export const CERTHUB_API_SOURCE = 'certhub-api';

/** The import's answer: the stored certificate (never the key) and the tenant's copies of it. */
export type ImportedCertificate = CertificateRecord & { readonly duplicateOf: readonly number[] };

/**
 * The import body as a `certificate.create` command, checked by the command contract itself, so the HTTP API
 * and bus producers accept exactly the same uploads. Messages name fields, never their values.
 */
export function toCreateCommand(context: ImportRequestContext, body: unknown): CertificateCreateCommand {
  const command = { ...fieldsOf(body), requestId: context.requestId, tenantId: context.tenantId, source: CERTHUB_API_SOURCE };
  const checked = validatePayload(CertificateCreateCommand, command);
  if (!checked.ok) throw new CerthubError('INVALID_REQUEST', `${checked.problems.join('; ')}.`);
  return checked.value;
}

/**
 * The re-import body (`PUT …/certificates/{id}`) as a `certificate.update` command: the same fields as an
 * import, checked the same way. Tags left out are kept; tags sent replace the certificate's.
 */
export function toUpdateCommand(context: ImportRequestContext, certificateId: number, body: unknown): CertificateUpdateCommand {
  const command = { ...fieldsOf(body), certificateId, requestId: context.requestId, tenantId: context.tenantId, source: CERTHUB_API_SOURCE };
  const checked = validatePayload(CertificateUpdateCommand, command);
  if (!checked.ok) throw new CerthubError('INVALID_REQUEST', `${checked.problems.join('; ')}.`);
  return checked.value;
}

/**
 * The dry-run body as the parser's request: the upload's material. `name` and `tags` are checked as an import
 * would check them, though only the material is sent on.
 */
export function toValidateRequest(context: ImportRequestContext, body: unknown): CertificateMaterial {
  const fields = fieldsOf(body);
  const asImport = validatePayload(CertificateCreateCommand, { name: 'dry-run', ...fields, requestId: context.requestId, tenantId: context.tenantId });
  if (!asImport.ok) throw new CerthubError('INVALID_REQUEST', `${asImport.problems.join('; ')}.`);
  const { certificate, privateKey, chain, trustedRootCa, pkcs12, passphrase } = asImport.value;
  const material = { requestId: context.requestId, tenantId: context.tenantId, certificate, privateKey, chain, trustedRootCa, pkcs12, passphrase };
  return Object.fromEntries(Object.entries(material).filter(([, value]) => value !== undefined)) as unknown as CertificateMaterial;
}

export function toImportedCertificate(stored: CertificateStoredEvent): ImportedCertificate {
  return { ...stored.certificate, duplicateOf: stored.duplicateOf ?? [] };
}

function fieldsOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new CerthubError('INVALID_REQUEST', 'The body must be a JSON object.');
  const unknown = Object.keys(body).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new CerthubError('INVALID_REQUEST', `Unknown field ${JSON.stringify(unknown[0])}; the fields are ${FIELDS.join(', ')}.`);
  }
  return body as Record<string, unknown>;
}
