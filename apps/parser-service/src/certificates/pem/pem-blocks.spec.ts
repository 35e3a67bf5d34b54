import { encodePem, PemFormatError, readPemBlocks, withArticle } from './pem-blocks';
import { normalizePemText } from './pem-text';

const BODY = Buffer.from('certhub test payload, long enough to need more than one line of base64 output text').toString('base64');
const block = (label: string, body = BODY) => `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g)?.join('\n')}\n-----END ${label}-----\n`;

describe('normalizePemText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizePemText('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('undoes JSON escapes left in the text', () => {
    expect(normalizePemText('-----BEGIN X-----\\nab\\/c\\r\\n-----END X-----')).toBe('-----BEGIN X-----\nab/c\n-----END X-----');
  });

  it('strips a byte-order mark, whitespace and surrounding quotes', () => {
    expect(normalizePemText('\uFEFF  "\n-----BEGIN X-----\n"  ')).toBe('-----BEGIN X-----');
    expect(normalizePemText("'abc'")).toBe('abc');
  });
});

describe('readPemBlocks', () => {
  it('reads every block with its label, DER and line', () => {
    const blocks = readPemBlocks(`${block('CERTIFICATE')}\n${block('PRIVATE KEY')}`);
    expect(blocks.map((b) => [b.label, b.line])).toEqual([['CERTIFICATE', 1], ['PRIVATE KEY', 6]]);
    expect(blocks[0].der.toString('base64')).toBe(BODY);
  });

  it('reads RFC 1421 headers of legacy encrypted keys', () => {
    const [key] = readPemBlocks(`-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\n${BODY}\n-----END RSA PRIVATE KEY-----`);
    expect(key.headers.get('Proc-Type')).toBe('4,ENCRYPTED');
  });

  it('reads CRLF, JSON-escaped and quoted input alike', () => {
    const plain = readPemBlocks(block('CERTIFICATE'))[0].der;
    expect(readPemBlocks(block('CERTIFICATE').replace(/\n/g, '\r\n'))[0].der).toEqual(plain);
    expect(readPemBlocks(JSON.stringify(block('CERTIFICATE')))[0].der).toEqual(plain);
    expect(readPemBlocks(JSON.stringify(block('CERTIFICATE')).slice(1, -1))[0].der).toEqual(plain);
  });

  it('reads PEM flattened to one line, or blocks joined without a newline, and spaces inside base64 (RFC 7468 §3)', () => {
    const plain = readPemBlocks(block('CERTIFICATE'))[0].der;
    expect(readPemBlocks(block('CERTIFICATE').replace(/\n/g, ' '))[0].der).toEqual(plain);
    expect(readPemBlocks(block('CERTIFICATE').replace(/\n/g, ''))[0].der).toEqual(plain);
    expect(readPemBlocks(`${block('CERTIFICATE').trimEnd()}${block('PRIVATE KEY')}`).map((b) => b.label)).toEqual(['CERTIFICATE', 'PRIVATE KEY']);
    expect(readPemBlocks(block('CERTIFICATE', `${BODY.slice(0, 8)} \t${BODY.slice(8)}`))[0].der).toEqual(plain);
  });

  it('returns no blocks for blank text', () => {
    expect(readPemBlocks(' \n\t')).toEqual([]);
  });

  it('skips text before, between and after the blocks, as RFC 7468 §2 requires', () => {
    const explained = `Bag Attributes\n    friendlyName: www\nsubject=CN = www.example\n${block('CERTIFICATE')}Bag Attributes: <No Attributes>\n${block('CERTIFICATE')}trailing words`;
    const blocks = readPemBlocks(explained);
    expect(blocks.map((b) => [b.label, b.line])).toEqual([['CERTIFICATE', 4], ['CERTIFICATE', 9]]);
    expect(blocks[1].der.toString('base64')).toBe(BODY);
  });

  it('refuses text that holds no block at all', () => {
    expect(() => readPemBlocks('hello world\nsubject=CN = x')).toThrow(new PemFormatError('is not PEM text: it has no "-----BEGIN …-----" line'));
  });

  it('refuses an END line whose BEGIN line is missing, naming the line', () => {
    const lostBegin = block('CERTIFICATE').replace('-----BEGIN CERTIFICATE-----\n', '');
    expect(() => readPemBlocks(`${block('CERTIFICATE')}${lostBegin}`)).toThrow(new PemFormatError('has an END line without a BEGIN line on line 7'));
  });

  it('refuses a block closed under another label', () => {
    expect(() => readPemBlocks(block('CERTIFICATE').replace('END CERTIFICATE', 'END PRIVATE KEY'))).toThrow(/opened as "CERTIFICATE".*closed as "PRIVATE KEY"/);
  });

  it('refuses a block without END line', () => {
    expect(() => readPemBlocks(`-----BEGIN CERTIFICATE-----\n${BODY}`)).toThrow(/without an END line/);
  });

  it('refuses non-base64 characters and truncated base64', () => {
    expect(() => readPemBlocks(block('CERTIFICATE', 'ab$d'))).toThrow(/not base64 on line 2/);
    expect(() => readPemBlocks(block('CERTIFICATE', 'abcde'))).toThrow(/empty, truncated or malformed/);
  });

  it('refuses text beyond the size limit without scanning it', () => {
    expect(() => readPemBlocks('A'.repeat(2_000_000))).toThrow(/too large/);
  });
});

describe('withArticle', () => {
  it('goes by sound', () => {
    expect(['CERTIFICATE', 'EC PRIVATE KEY', 'RSA PRIVATE KEY', 'X509 CRL', 'PRIVATE KEY'].map(withArticle)).toEqual([
      'a CERTIFICATE', 'an EC PRIVATE KEY', 'an RSA PRIVATE KEY', 'an X509 CRL', 'a PRIVATE KEY',
    ]);
  });
});

describe('encodePem', () => {
  it('writes 64-column lines with LF and a final newline', () => {
    const pem = encodePem('CERTIFICATE', Buffer.alloc(100, 7));
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines.at(-2)).toBe('-----END CERTIFICATE-----');
    expect(pem.endsWith('-----\n')).toBe(true);
  });
});
