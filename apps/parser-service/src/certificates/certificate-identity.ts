import type { ParsedCertificate } from './parsed-certificate';

/**
 * The serial as OpenSSL prints it, lower-cased: whole bytes, without the leading zero byte DER adds to keep a
 * positive INTEGER positive. A zero serial stays "00".
 */
export function serialNumberHex(cert: ParsedCertificate): string {
  const bytes = new Uint8Array(cert.structure.tbsCertificate.serialNumber);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return Buffer.from(bytes.subarray(start)).toString('hex') || '00';
}

/** Decimal form of the same (unsigned) serial, as some cloud consoles show it. */
export function serialNumberDecimal(hex: string): string {
  return BigInt(`0x${hex}`).toString(10);
}

/** ISO 8601 in UTC to the second: certificate times have no fractions, so `.000` would only be noise. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
