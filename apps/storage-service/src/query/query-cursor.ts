/** Where a page ended in the (notAfter, id) order; sent to clients as an opaque base64url string. */
export interface QueryCursor {
  readonly notAfter: Date;
  readonly id: number;
}

const BASE64URL = /^[A-Za-z0-9_-]{1,128}$/;
const DECODED = /^(-?\d{1,16})\.(\d{1,16})$/;

export function encodeCursor(cursor: QueryCursor): string {
  return Buffer.from(`${cursor.notAfter.getTime()}.${cursor.id}`, 'utf8').toString('base64url');
}

/** Null for anything encodeCursor could not have produced: cursors are not a way to smuggle values in. */
export function decodeCursor(raw: string): QueryCursor | null {
  if (!BASE64URL.test(raw)) return null;
  const match = DECODED.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!match) return null;
  const [notAfterMs, id] = [Number(match[1]), Number(match[2])];
  if (!Number.isSafeInteger(notAfterMs) || !Number.isSafeInteger(id) || Number.isNaN(new Date(notAfterMs).getTime())) return null;
  const cursor = { notAfter: new Date(notAfterMs), id };
  return encodeCursor(cursor) === raw ? cursor : null;
}
