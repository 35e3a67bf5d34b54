import { CerthubError } from '@certhub/contracts';

/** JSON is UTF-8 (RFC 8259 §8.1); `utf8` is the alias many clients write. Compared in lower case. */
const UTF8_CHARSETS = new Set(['utf-8', 'utf8']);

/** Refuses bytes that are not UTF-8 instead of replacing them with U+FFFD, as body-parser's decoding did. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON request body read from its bytes: the charset named (none, `utf-8` or `utf8`, in any case), then
 * strict UTF-8, then JSON. Any JSON value parses; JsonObjectBodyMiddleware says what is wrong with one that is
 * not an object. Every refusal is a 400 in the dialect's form, never an undocumented 415. A byte order mark is
 * dropped, as before; an empty body is `{}`, as body-parser made it.
 */
export function decodeJsonBody(bytes: Buffer, contentType: string | undefined): unknown {
  const charset = charsetOf(contentType);
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    throw new CerthubError('INVALID_REQUEST', 'The request body must be JSON in UTF-8 (charset=utf-8, or no charset).');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CerthubError('INVALID_REQUEST', 'The request body is not valid UTF-8.');
  }
  if (text.length === 0) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CerthubError('INVALID_REQUEST', 'The request body is not valid JSON.');
  }
}

/** The `charset` parameter of a Content-Type, unquoted and in lower case; the media type was matched already. */
function charsetOf(contentType: string | undefined): string | undefined {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name = '', ...value] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') return value.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return undefined;
}
