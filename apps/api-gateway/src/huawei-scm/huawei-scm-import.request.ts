import { CerthubError } from '@certhub/contracts';

/**
 * Limits from huawei-scm-import-certificate.txt. The name's schema says Maximum 255 but its description says
 * "0 to 63 characters"; SCM's own console enforces 63, so 63 it is. Counted in characters (code points).
 */
export const ScmImportLimits = {
  name: 63,
  certificate: 4096,
  certificate_chain: 8192,
  private_key: 4096,
} as const;

type ScmImportField = keyof typeof ScmImportLimits;

const FIELDS = Object.keys(ScmImportLimits) as ScmImportField[];

/**
 * Fields the document marks mandatory but that Huawei's own SDK model leaves out unless set:
 * `ImportCertificateRequestBody(name, certificate, private_key)` never sends `certificate_chain`. Its minimum
 * length is 0, so an absent chain is an empty chain (and CCM's current reference makes it optional).
 */
const ABSENT_MEANS_EMPTY: ReadonlySet<ScmImportField> = new Set(['certificate_chain']);

/**
 * Optional fields of the current SCM/CCM model, checked for type and then ignored (docs/dialects/huawei-scm.md):
 * certhub has no enterprise projects, and never refuses a certificate for having been imported before, which is
 * what `duplicate_check: true` asks for.
 */
export const SCM_OPTIONAL_FIELDS = { duplicate_check: 'boolean', enterprise_project_id: 'string' } as const;
export const ENTERPRISE_PROJECT_ID_MAX = 64;

/** The import body once checked: all four fields as strings within their limits (an absent chain is ""). */
export type ScmImportRequest = Readonly<Record<ScmImportField, string>>;

/**
 * Checks an import body taken as `unknown`, so that every shape problem (missing field, number, object,
 * array, `{"$gt": ""}`) becomes SCM.0005 and never reaches the bus. All problems are reported at once.
 * Empty content is allowed by the schema (Minimum 0) but cannot be a certificate or key: it is reported as
 * the parse failure SCM reports for that field, because the command contract forbids empty PEM fields.
 */
export function readImportRequest(body: unknown): ScmImportRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const given = (field: ScmImportField): unknown => (ABSENT_MEANS_EMPTY.has(field) && (fields[field] ?? null) === null ? '' : fields[field]);
  const problems = [...FIELDS.flatMap((field) => problemOf(field, given(field))), ...optionalProblems(fields)];
  if (problems.length > 0) throw invalid(`${problems.join('; ')}.`);
  const request = Object.fromEntries(FIELDS.map((field) => [field, given(field) as string])) as ScmImportRequest;
  if (isBlank(request.certificate)) throw new CerthubError('CERT_PARSE_FAILED', 'The certificate is empty.');
  if (isBlank(request.private_key)) throw new CerthubError('KEY_PARSE_FAILED', 'The private key is empty.');
  return request;
}

/** Whitespace only, also as the escaped `\n` / `\r\n` sequences the documentation asks clients to send. */
export function isBlank(value: string): boolean {
  return value.replace(/\\r|\\n/g, '').trim() === '';
}

function problemOf(field: ScmImportField, value: unknown): string[] {
  if (value === undefined) return [`${field} is mandatory`];
  if (typeof value !== 'string') return [`${field} must be a string`];
  const length = [...value].length;
  const limit = ScmImportLimits[field];
  return length > limit ? [`${field} must be at most ${limit} characters (got ${length})`] : [];
}

/** null means "not given", as Go's JSON decoding (Huawei's services) reads it. */
function optionalProblems(fields: Record<string, unknown>): string[] {
  return Object.entries(SCM_OPTIONAL_FIELDS).flatMap(([field, type]) => {
    const value = fields[field];
    if (value === undefined || value === null) return [];
    if (typeof value !== type) return [`${field} must be a ${type}`];
    return typeof value === 'string' && value.length > ENTERPRISE_PROJECT_ID_MAX ? [`${field} must be at most ${ENTERPRISE_PROJECT_ID_MAX} characters`] : [];
  });
}

function invalid(detail: string): CerthubError {
  return new CerthubError('INVALID_REQUEST', detail);
}
