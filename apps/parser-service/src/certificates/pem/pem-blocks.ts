import { MAX_PEM_TEXT_LENGTH, normalizePemText } from './pem-text';

export interface PemBlock {
  readonly label: string;
  /** RFC 1421 headers, e.g. `Proc-Type: 4,ENCRYPTED` on a legacy encrypted key. */
  readonly headers: ReadonlyMap<string, string>;
  readonly der: Buffer;
  /** 1-based line of the BEGIN line, so messages can point at the problem without quoting the input. */
  readonly line: number;
}

/** The text is not well-formed PEM; the message completes a sentence that starts with the field name. */
export class PemFormatError extends Error {}

const BEGIN_LINE = /^-----BEGIN ([^-]+)-----$/;
const END_LINE = /^-----END ([^-]+)-----$/;
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/;
/** Spaces and tabs between base64 characters are allowed, as RFC 7468's lax parsing allows (§3). */
const BASE64_LINE = /^[A-Za-z0-9+/=]+(?:[ \t]+[A-Za-z0-9+/=]+)*$/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

interface OpenBlock {
  label: string;
  line: number;
  headers: Map<string, string>;
  body: string[];
}

/**
 * Splits normalised text into PEM blocks. Text outside the blocks is skipped, as RFC 7468 §2 requires and OpenSSL
 * does: `openssl pkcs12 -nokeys` prints `Bag Attributes`, `friendlyName:` and `subject=` lines before each block,
 * and CAs mail certificates with words around them. What the blocks are is for the caller to judge (a CSR or a key
 * where a certificate belongs is still refused). Two signs of a mangled paste are still refused: text without any
 * block, and an END line whose BEGIN line is missing, which would otherwise make a block silently disappear.
 */
export function readPemBlocks(input: string): PemBlock[] {
  if (input.length > MAX_PEM_TEXT_LENGTH) throw new PemFormatError(`is too large (more than ${MAX_PEM_TEXT_LENGTH} characters)`);
  const lines = normalizePemText(input).split('\n');
  const blocks: PemBlock[] = [];
  let open: OpenBlock | null = null;
  let outsideText = false;
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (open === null) {
      const begin = BEGIN_LINE.exec(line);
      if (begin) open = { label: begin[1].trim(), line: lineNumber, headers: new Map(), body: [] };
      else if (END_LINE.test(line)) throw new PemFormatError(`has an END line without a BEGIN line on line ${lineNumber}`);
      else if (line !== '') outsideText = true;
      continue;
    }
    const end = END_LINE.exec(line);
    if (end) {
      if (end[1].trim() !== open.label) {
        throw new PemFormatError(`has a block opened as "${open.label}" on line ${open.line} but closed as "${end[1].trim()}" on line ${lineNumber}`);
      }
      blocks.push(closeBlock(open));
      open = null;
      continue;
    }
    if (BEGIN_LINE.test(line)) throw unterminated(open);
    const header = open.body.length === 0 ? HEADER_LINE.exec(line) : null;
    if (header) open.headers.set(header[1], header[2].trim());
    else if (BASE64_LINE.test(line)) open.body.push(line.replace(/[ \t]+/g, ''));
    else if (line !== '') throw new PemFormatError(`has characters that are not base64 on line ${lineNumber}`);
  }
  if (open !== null) throw unterminated(open);
  if (blocks.length === 0 && outsideText) throw new PemFormatError('is not PEM text: it has no "-----BEGIN …-----" line');
  return blocks;
}

function unterminated(open: OpenBlock): PemFormatError {
  return new PemFormatError(`has a block starting on line ${open.line} without an END line`);
}

function closeBlock(open: OpenBlock): PemBlock {
  const base64 = open.body.join('');
  if (!BASE64_BODY.test(base64) || base64.length % 4 !== 0) {
    throw new PemFormatError(`has a block starting on line ${open.line} whose base64 content is empty, truncated or malformed`);
  }
  return { label: open.label, headers: open.headers, der: Buffer.from(base64, 'base64'), line: open.line };
}

/** "a CERTIFICATE REQUEST", "an EC PRIVATE KEY": for messages that name the block found where another belongs. */
export function withArticle(label: string): string {
  // By sound: labels are read as words ("a CERTIFICATE") except initialisms spoken letter by letter ("an RSA", "an X509").
  return /^(?:[AEIOU]|RSA\b|X509\b|SSH)/.test(label) ? `an ${label}` : `a ${label}`;
}

/** Re-encodes DER as PEM the way OpenSSL writes it: LF line ends, 64 characters per line. */
export function encodePem(label: string, der: Uint8Array): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
