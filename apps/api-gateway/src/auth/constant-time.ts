import { timingSafeEqual } from 'node:crypto';

/** Whether two signatures are equal, compared in constant time so a caller cannot learn a prefix by timing. */
export function signaturesEqual(provided: string, expected: string): boolean {
  const a = Buffer.from(provided, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
