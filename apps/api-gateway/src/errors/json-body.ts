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
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new CerthubError('INVALID_REQUEST', 'The request body is not valid JSON.');
  }
  if (holdsIllFormedText(value)) {
    throw new CerthubError('INVALID_REQUEST', 'The request body holds a string that is not well-formed Unicode (a lone surrogate such as \\ud800).');
  }
  return value;
}

/**
 * A lone UTF-16 surrogate (`"\ud800"` is valid JSON) cannot be stored as UTF-8: it became U+FFFD on its way to
 * the database, so the name stored was not the one answered, and two different names collided. Every key and
 * string of the body is checked here, once for all fields. (String.prototype.isWellFormed is ES2024, past our lib.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Walked with an explicit stack: the body's depth is checked only after this (BodyDepthMiddleware). */
function holdsIllFormedText(value: unknown): boolean {
  const pending: unknown[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) return true;
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) pending.push(key, child);
    }
  }
  return false;
}

/** The `charset` parameter of a Content-Type, unquoted and in lower case; the media type was matched already. */
function charsetOf(contentType: string | undefined): string | undefined {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name = '', ...value] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') return value.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return undefined;
}
