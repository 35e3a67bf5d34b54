import type { Request } from 'express';
import { rawBodyOf } from '../auth/raw-body';
import { alibabaError } from './alibaba-error-codes';

/** Every request parameter by name: Alibaba signs them all, whichever part of the request carried them. */
export type AlibabaParameters = ReadonlyMap<string, string>;

/**
 * The query string plus, for POST, the form body. The query is read from the raw URL (not Express's
 * parsed req.query) so that each name=value pair is seen exactly as sent; a name given twice is refused,
 * because the signature would then depend on which of the two values a server happens to keep.
 */
export function readParameters(request: Request): AlibabaParameters {
  const parameters = new Map<string, string>();
  const entries = [...queryEntries(request), ...(request.method === 'POST' ? formEntries(request) : [])];
  for (const [name, value] of entries) {
    if (parameters.has(name)) throw alibabaError('InvalidParameter', `The parameter ${printable(name)} is given more than once.`);
    parameters.set(name, value);
  }
  return parameters;
}

/**
 * The first value of one parameter, never throwing: for choosing the Format of an error response, which
 * must work even for the request that is refused because a parameter was given twice.
 */
export function peekParameter(request: Request, name: string): string | undefined {
  const fromQuery = queryEntries(request).find(([candidate]) => candidate === name);
  if (fromQuery) return fromQuery[1];
  const body: unknown = request.method === 'POST' ? request.body : undefined;
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, name)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** A parameter name fit to quote in a message: printable ASCII, at most 64 characters. */
export function printable(name: string): string {
  return `"${name.replace(/[^\x20-\x7e]/g, '?').slice(0, 64)}"`;
}

function queryEntries(request: Request): Array<[string, string]> {
  const url = request.originalUrl ?? request.url;
  const start = url.indexOf('?');
  return start < 0 ? [] : [...new URLSearchParams(wellEncoded(url.slice(start + 1)))];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * URLSearchParams and the form parser read bytes that are not UTF-8 (`%FF`, or raw in a form body) as U+FFFD:
 * the name stored would then not be the one sent, and two different names could collide, as with the JSON
 * APIs (json-body.ts). Such a parameter is refused instead, as is a `%` that starts no escape.
 */
function wellEncoded(encoded: string): string {
  for (const pair of encoded.split('&')) {
    try {
      decodeURIComponent(pair.replace(/\+/g, ' '));
    } catch {
      throw alibabaError('InvalidParameter', `The parameter ${printable(pair.split('=')[0] ?? '')} is not percent-encoded UTF-8.`);
    }
  }
  return encoded;
}

/** The form body's own bytes, when the parser kept them, checked like the query string. */
function assertWellEncodedForm(request: Request): void {
  const raw = rawBodyOf(request);
  if (raw === null || raw.length === 0) return;
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw alibabaError('InvalidParameter', 'The form body is not UTF-8.');
  }
  wellEncoded(text);
}

function formEntries(request: Request): Array<[string, string]> {
  if (!hasBody(request)) return [];
  if (!request.is('application/x-www-form-urlencoded')) {
    throw alibabaError('InvalidParameter', 'A POST body must be application/x-www-form-urlencoded.');
  }
  assertWellEncodedForm(request);
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null) return [];
  return Object.entries(body).map(([name, value]): [string, string] => {
    // The form parser turns a repeated name into an array; nothing else makes a value a non-string.
    if (typeof value !== 'string') throw alibabaError('InvalidParameter', `The parameter ${printable(name)} is given more than once.`);
    return [name, value];
  });
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
