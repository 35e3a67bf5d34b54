import { CerthubError, type ErrorCode } from '@certhub/contracts';
import { withArticle } from './domain-errors';
import { PemFormatError, readPemBlocks, type PemBlock } from './pem-blocks';
import { parseCertificateDer, type ParsedCertificate } from './parsed-certificate';

/** Which upload field is being read, so errors carry that field's code and name. */
export interface CertificateField {
  readonly code: ErrorCode;
  /** How messages refer to the field, e.g. "certificate" or "certificate chain". */
  readonly name: string;
}

/** Every block of a field, each of which must be a parseable CERTIFICATE; an empty field gives an empty list. */
export function readCertificateBlocks(text: string, field: CertificateField): ParsedCertificate[] {
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
