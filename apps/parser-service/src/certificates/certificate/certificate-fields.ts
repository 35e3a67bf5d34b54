import { CerthubError, type ErrorCode } from '@certhub/contracts';
import { PemFormatError, readPemBlocks, withArticle, type PemBlock } from '../pem/pem-blocks';
import { parseCertificateDer, type ParsedCertificate } from './parsed-certificate';

/** Which upload field is being read, so errors carry that field's code and name. */
interface CertificateField {
  readonly code: ErrorCode;
  /** How messages refer to the field, e.g. "certificate" or "certificate chain". */
  readonly name: string;
}

// The three upload fields that hold certificates share one reader here, so each goes from PEM text to
// certificates in one step and differs only in the code and name its errors carry.
const CERTIFICATE_FIELD: CertificateField = { code: 'CERT_PARSE_FAILED', name: 'certificate' };
const CHAIN_FIELD: CertificateField = { code: 'CHAIN_PARSE_FAILED', name: 'certificate chain' };
const ROOT_FIELD: CertificateField = { code: 'CHAIN_PARSE_FAILED', name: 'trusted root CA' };

export interface CertificateFieldContent {
  readonly leaf: ParsedCertificate;
  /** Further certificates pasted after the leaf (a fullchain.pem): they are chain candidates. */
  readonly followers: ParsedCertificate[];
}

/** The certificate field: the first block is the server certificate, any further ones belong to the chain. */
export function readCertificateField(text: string): CertificateFieldContent {
  const [leaf, ...followers] = readCertificateBlocks(text, CERTIFICATE_FIELD);
  if (leaf === undefined) throw new CerthubError('CERT_PARSE_FAILED', 'The certificate field holds no PEM block.');
  return { leaf, followers };
}

export function readChainField(text: string | undefined): ParsedCertificate[] {
  return text ? readCertificateBlocks(text, CHAIN_FIELD) : [];
}

/** The optional trusted root: empty means none, more than one certificate is refused. */
export function readTrustedRootField(text: string | undefined): ParsedCertificate | null {
  const roots = text ? readCertificateBlocks(text, ROOT_FIELD) : [];
  if (roots.length > 1) {
    throw new CerthubError('CHAIN_PARSE_FAILED', `The trusted root CA field holds ${roots.length} certificates; upload exactly one.`);
  }
  return roots[0] ?? null;
}

/** Every block of a field, each of which must be a parseable CERTIFICATE; an empty field gives an empty list. */
function readCertificateBlocks(text: string, field: CertificateField): ParsedCertificate[] {
  const fail = (detail: string) => new CerthubError(field.code, `The ${field.name} ${detail}.`);
  let blocks: PemBlock[];
  try {
    blocks = readPemBlocks(text);
  } catch (error) {
    throw error instanceof PemFormatError ? fail(error.message) : fail('could not be read as PEM');
  }
  return blocks.map((block, index) => {
    const where = blocks.length > 1 ? ` (block ${index + 1}, line ${block.line})` : '';
    if (block.label !== 'CERTIFICATE') {
      const hint = block.label.includes('PRIVATE KEY') ? '; the private key belongs in its own field' : '';
      throw fail(`field expected a CERTIFICATE block but found ${withArticle(block.label)}${where}${hint}`);
    }
    try {
      return parseCertificateDer(block.der);
    } catch {
      throw fail(`holds a CERTIFICATE block that is not a valid X.509 certificate${where}`);
    }
  });
}
